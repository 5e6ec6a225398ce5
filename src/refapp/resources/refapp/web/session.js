// The reference app's session page: fetch a token from the app server, join the LiveKit room,
// publish camera and microphone, show the other participant. Every element a test touches has a
// data-testid; every step of the join logs a console line (the ones the troubleshooting guide quotes).
(function () {
  'use strict';
  const LK = window.LivekitClient;
  const cfg = JSON.parse(document.getElementById('session-config').textContent);
  const bug = (id) => cfg.bugs.includes(id);
  const $ = (testid) => document.querySelector(`[data-testid="${testid}"]`);
  const HOST = cfg.roles.host;
  const OTHER_ROLE = { [cfg.roles.host]: cfg.roles.guest, [cfg.roles.guest]: cfg.roles.host };
  const MECHANIC = cfg.naming === 'mechanic';
  if (bug('go-back-home')) document.querySelector('[data-testid="go-back"]').setAttribute('href', '/');
  const tokenKey = `consult-token-${cfg.bookingId}`;

  let room = null;
  let me = null;              // {identity, room, role}
  let leaving = false;
  let reconnectGiveUp = null;
  let recorder = null;        // {room, mediaRecorder, chunks, startedAt}

  function setState(state, text) {
    const status = $('session-status');
    status.dataset.state = state;
    status.textContent = text;
  }

  function show(testid, visible) {
    $(testid).hidden = !visible;
  }

  function showError(message) {
    console.error(message);
    setState('error', 'Not connected');
    $('session-error-message').textContent = bug('vague-errors') ? 'Something went wrong.' : message;
    show('session-error', true);
    show('session-controls', false);
  }

  function roleOf(participant) {
    try {
      return JSON.parse(participant.metadata || '{}').role || 'unknown';
    } catch (e) {
      return 'unknown';
    }
  }

  async function fetchToken() {
    const cached = JSON.parse(sessionStorage.getItem(tokenKey) || 'null');
    if (cached) {
      const fresh = cached.expiresAt * 1000 > Date.now() + 5000;
      if (fresh || bug('expired-token-reused')) {
        console.log(`Reusing session token: identity=${cached.identity} room=${cached.room}`);
        return cached;
      }
      console.warn('Session token expired; requesting a new one');
      show('token-expired-notice', true);
    }
    console.log(`Generating token for: booking ${cfg.bookingId}`);
    const response = await fetch(`/api/bookings/${cfg.bookingId}/token`, { method: 'POST' });
    if (response.status === 401) {
      window.location.href = `/login?reason=auth&next=/session/${cfg.bookingId}`;
      throw new Error('not logged in');
    }
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new Error(`The app could not issue a session token (${response.status} ${body.error || ''}).`);
    }
    const token = await response.json();
    console.log(`Token generated successfully: identity=${token.identity} room=${token.room} role=${token.role}`);
    if (MECHANIC) console.log(`[DIAGNOSTIC PAGE SECURITY] Role assigned: ${token.role.toUpperCase()}`);
    sessionStorage.setItem(tokenKey, JSON.stringify(token));
    return token;
  }

  // The join's deadline: the token request and the LiveKit connection together must finish within the app's
  // connection timeout (with the token-request-unbounded bug, only the connection is bounded).
  function deadline(ms) {
    let timer;
    const promise = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(
        `Could not connect to the session within ${Math.round(ms / 1000)} seconds. Check your connection and try again.`)), ms);
    });
    promise.catch(() => {});
    return { bound: (work) => (bug('no-connect-timeout') ? work : Promise.race([work, promise])), cancel: () => clearTimeout(timer) };
  }

  async function join() {
    leaving = false;
    clearTimeout(reconnectGiveUp);
    show('session-error', false);
    show('session-ended', false);
    setState('connecting', 'Connecting…');
    console.log(`Starting join process for booking: ${cfg.bookingId}`);
    let limit = bug('token-request-unbounded') ? null : deadline(cfg.connectTimeoutMs);
    let token;
    try {
      token = await (limit ? limit.bound(fetchToken()) : fetchToken());
    } catch (e) {
      if (limit) limit.cancel();
      showError(e.message);
      return;
    }
    if (!limit) limit = deadline(cfg.connectTimeoutMs);
    me = token;
    $('room-name').textContent = token.room;
    $('local-identity').textContent = token.identity;
    room = new LK.Room(roomOptions());
    wire(room);
    if (cfg.connectDelayMs) await new Promise((resolve) => setTimeout(resolve, cfg.connectDelayMs));
    console.log('Attempting to connect to LiveKit room...');
    // The app's own timeout governs: LiveKit's socket timeout is stretched to match it.
    const timeoutMs = bug('no-connect-timeout') ? 3600000 : cfg.connectTimeoutMs;
    try {
      await limit.bound(room.connect(token.url, token.token, { websocketTimeout: timeoutMs, peerConnectionTimeout: timeoutMs }));
      limit.cancel();
    } catch (e) {
      limit.cancel();
      leaving = true;
      room.disconnect();
      // a token LiveKit refused (expired, revoked) must not be tried again: the next join asks for a new one
      if (!bug('expired-token-reused')) sessionStorage.removeItem(tokenKey);
      // LiveKit's own words carry the token itself: the person is told what happened, never shown the token
      if (/expired/i.test(e.message)) showError('Your session token has expired. Try again to get a new one.');
      else showError(e.message.startsWith('Could not connect') ? e.message
        : `Could not connect to the session: ${e.message.replace(/eyJ[\w-]*\.[\w-]+\.[\w-]+/g, '(token)')}`);
      return;
    }
    if (bug('ends-call-when-token-expires')) endCallAtTokenExpiry(room, token.token);
    console.log(`Successfully connected to room: ${room.name}`);
    show('session-controls', true);
    show('recording-controls', (me.role === HOST && !bug('recording-controls-hidden')) || bug('client-sees-recording-controls'));
    show('recording-indicator', room.isRecording && !bug('recording-indicator-missing'));
    show('start-audio', !room.canPlaybackAudio);
    refresh();
    await publishMedia();
    if (bug('console-errors')) console.error('Failed to load participant avatars');
  }

  // Camera and microphone, each on its own: a blocked camera must not cost the other side the client's voice.
  async function publishMedia() {
    try {
      if (bug('camera-not-published')) await room.localParticipant.setMicrophoneEnabled(true);
      else if (bug('microphone-not-published')) await room.localParticipant.setCameraEnabled(true);
      else if (bug('wrong-microphone')) {
        await room.localParticipant.setCameraEnabled(true);
        await room.localParticipant.publishTrack(new LK.LocalAudioTrack(hiss(), undefined, true), { source: LK.Track.Source.Microphone });
      } else if (bug('av-out-of-sync')) {
        await room.localParticipant.setCameraEnabled(true);
        await publishDelayedMicrophone();
      } else await room.localParticipant.enableCameraAndMicrophone();
      console.log('Camera and microphone enabled');
      return;
    } catch (e) {
      console.warn(`Camera/microphone unavailable: ${e.name}: ${e.message}`);
      if (bug('permission-denial-breaks-join')) {
        leaving = true;
        room.disconnect();
        showError('Could not start your camera.');
        return;
      }
    }
    const failed = [];
    if (!bug('one-denial-drops-both')) {
      for (const [device, enable] of [['camera', (on) => room.localParticipant.setCameraEnabled(on)],
        ['microphone', (on) => room.localParticipant.setMicrophoneEnabled(on)]]) {
        try {
          await enable(true);
        } catch (e) {
          failed.push(device);
        }
      }
    } else {
      failed.push('camera', 'microphone');
    }
    if (failed.length === 0) return;
    const what = failed.join(' and ');
    const see = failed.includes('camera') && failed.includes('microphone') ? 'see and hear you'
      : failed.includes('camera') ? 'see you' : 'hear you';
    $('media-permission-warning').dataset.devices = failed.join(',');
    $('media-permission-warning').textContent = `Your ${what} ${failed.length > 1 ? 'are' : 'is'} blocked. Allow ${what} access in `
      + `your browser's site settings so the other person can ${see}. You can still see and hear them.`;
    show('media-permission-warning', true);
  }

  // An audio source that is not the person: low white noise (-50 dBFS), as a wrongly chosen input device gives.
  function hiss() {
    const ctx = new AudioContext();
    const buffer = ctx.createBuffer(1, ctx.sampleRate * 2, ctx.sampleRate);
    const data = buffer.getChannelData(0);
    for (let i = 0; i < data.length; i++) data[i] = (Math.random() * 2 - 1) * 0.003;
    const source = ctx.createBufferSource();
    source.buffer = buffer;
    source.loop = true;
    const out = ctx.createMediaStreamDestination();
    source.connect(out);
    source.start();
    return out.stream.getAudioTracks()[0];
  }

  function endCallAtTokenExpiry(r, jwt) {
    const exp = JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).exp;
    setTimeout(() => {
      if (r !== room) return;
      leaving = true;
      r.disconnect();
      showError('Your session has expired. Join again to continue.');
    }, Math.max(0, exp * 1000 - Date.now()));
  }

  // How the session publishes and receives; the real-time bugs live here.
  function roomOptions() {
    const options = { adaptiveStream: false, dynacast: false };
    // the camera opened at a thumbnail's size and a slide show's rate (a capture preset meant for previews)
    if (bug('tiny-capture')) options.videoCaptureDefaults = { resolution: { width: 160, height: 120, frameRate: 8 } };
    if (bug('low-frame-rate')) options.publishDefaults = { simulcast: false, videoEncoding: { maxBitrate: 300000, maxFramerate: 5 } };
    // 8 kbit/s where 80 was meant: the encoder halves the picture and still drops frames
    if (bug('camera-bitrate-starved')) options.publishDefaults = { simulcast: false, degradationPreference: 'maintain-framerate', videoEncoding: { maxBitrate: 8000, maxFramerate: 20 } };
    return options;
  }

  // The microphone through the app's own audio processing (a 400 ms delay line, with the av-out-of-sync bug).
  async function publishDelayedMicrophone() {
    const [mic] = await LK.createLocalTracks({ audio: true, video: false });
    const ctx = new AudioContext();
    const delay = ctx.createDelay(1);
    delay.delayTime.value = 0.4;
    const out = ctx.createMediaStreamDestination();
    ctx.createMediaStreamSource(new MediaStream([mic.mediaStreamTrack])).connect(delay).connect(out);
    await room.localParticipant.publishTrack(out.stream.getAudioTracks()[0], { source: LK.Track.Source.Microphone });
  }

  function wire(r) {
    const E = LK.RoomEvent;
    r.on(E.ParticipantConnected, refresh)
      .on(E.ParticipantDisconnected, (p) => { if (!bug('list-keeps-leavers')) { removeTile(p.identity); refresh(); } })
      .on(E.AudioPlaybackStatusChanged, () => show('start-audio', !r.canPlaybackAudio))
      .on(E.ConnectionQualityChanged, (quality, participant) => {
        const el = document.querySelector(`[data-testid="remote-quality"][data-identity="${participant.identity}"]`);
        if (el && !bug('quality-indicator-frozen')) { el.dataset.quality = quality; el.textContent = `Connection: ${quality}`; }
      })
      .on(E.ParticipantMetadataChanged, refresh)
      .on(E.TrackSubscribed, attachRemote)
      .on(E.TrackUnsubscribed, detachRemote)
      .on(E.LocalTrackPublished, (pub) => {
        if (pub.source === LK.Track.Source.Camera) pub.track.attach($('local-video'));
        if (pub.source === LK.Track.Source.ScreenShare) screenShareButton(true);
      })
      .on(E.LocalTrackUnpublished, (pub) => {
        if (pub.source === LK.Track.Source.ScreenShare) screenShareButton(false);
      })
      .on(E.RecordingStatusChanged, (recording) => {
        console.log(`Recording ${recording ? 'started' : 'stopped'}`);
        show('recording-indicator', recording && !bug('recording-indicator-missing'));
      })
      .on(E.Reconnecting, onReconnecting)
      .on(E.SignalReconnecting, onReconnecting)
      .on(E.Reconnected, onReconnected)
      .on(E.Disconnected, (reason) => {
        if (r !== room) return; // an earlier attempt's room, already given up
        clearTimeout(reconnectGiveUp);
        console.log(`Disconnected from room (reason ${reason})`);
        if (!leaving && !bug('silent-disconnect')) {
          showError('Connection lost. Check your network, then try again.');
        }
      });
  }

  function onReconnecting() {
    if (bug('silent-disconnect') || $('session-status').dataset.state === 'reconnecting') return;
    console.warn('Connection interrupted; reconnecting…');
    setState('reconnecting', 'Reconnecting…');
    clearTimeout(reconnectGiveUp);
    const stuck = room;
    reconnectGiveUp = setTimeout(() => {
      if (stuck !== room) return;
      leaving = true;
      room.disconnect();
      showError('Connection lost. Check your network, then try again.');
    }, cfg.reconnectGiveUpMs);
  }

  function onReconnected() {
    clearTimeout(reconnectGiveUp);
    console.log('Reconnected to room');
    refresh();
  }

  function tile(participant) {
    let el = document.querySelector(`[data-testid="remote-tile"][data-identity="${participant.identity}"]`);
    if (!el) {
      el = document.createElement('figure');
      el.dataset.testid = 'remote-tile';
      el.dataset.identity = participant.identity;
      el.innerHTML = '<video data-testid="remote-video" autoplay playsinline></video>'
        + '<audio data-testid="remote-audio" autoplay></audio><figcaption data-testid="remote-name"></figcaption>'
        + '<small data-testid="remote-quality" data-quality="unknown">Connection: unknown</small>';
      if (bug('waiting-overlay-stays')) {
        // the cover meant to be removed once the camera's first frame arrives
        el.style.position = 'relative';
        el.insertAdjacentHTML('beforeend', '<div style="position:absolute;left:0;top:0;width:320px;height:240px;'
          + 'background:#1d2330;color:#fff;display:flex;align-items:center;justify-content:center">Waiting for video…</div>');
      }
      el.querySelector('video').dataset.identity = participant.identity;
      el.querySelector('audio').dataset.identity = participant.identity;
      el.querySelector('small').dataset.identity = participant.identity;
      $('remote-tiles').appendChild(el);
    }
    el.querySelector('figcaption').textContent = bug('tile-shows-identity') ? participant.identity
      : `${participant.name || participant.identity} (${roleOf(participant)})`;
    return el;
  }

  function removeTile(identity) {
    document.querySelectorAll(`[data-identity="${identity}"]`).forEach((el) => {
      if (el.dataset.testid === 'remote-tile' || el.dataset.testid === 'remote-screen') el.remove();
    });
  }

  function attachRemote(track, publication, participant) {
    const S = LK.Track.Source;
    if (bug('playout-delay') && track.receiver) track.receiver.jitterBufferTarget = 1500;
    if (track.source === S.Camera) track.attach(tile(participant).querySelector('video'));
    else if (track.source === S.Microphone) {
      const audio = track.attach(tile(participant).querySelector('audio'));
      if (bug('remote-audio-muted')) audio.volume = 0;
    }
    else if (track.source === S.ScreenShare) {
      const video = track.attach();
      video.dataset.testid = 'remote-screen';
      video.dataset.identity = participant.identity;
      $('remote-screens').appendChild(video);
      console.log(`Screen share from ${participant.identity} received`);
    } else {
      track.attach();
    }
  }

  function detachRemote(track, publication, participant) {
    track.detach().forEach((el) => {
      if (!el.dataset.testid) el.remove();
    });
    // LiveKit may already have detached the element when the track stopped: remove screens by owner
    if (track.source === LK.Track.Source.ScreenShare) {
      document.querySelectorAll(`[data-testid="remote-screen"][data-identity="${participant.identity}"]`).forEach((el) => el.remove());
      console.log(`Screen share from ${participant.identity} ended`);
    }
  }

  // Waiting for the other role until a participant with it is in the room; the list shows everyone.
  function refresh() {
    if (!room || !me) return;
    const remotes = Array.from(room.remoteParticipants.values());
    remotes.forEach(tile);
    const list = $('participant-list');
    list.innerHTML = '';
    [room.localParticipant, ...remotes].forEach((p) => {
      const li = document.createElement('li');
      li.dataset.testid = 'participant';
      li.dataset.identity = p.identity;
      li.dataset.role = roleOf(p);
      li.textContent = `${p.name || p.identity} (${roleOf(p)})${p === room.localParticipant ? ' — you' : ''}`;
      list.appendChild(li);
    });
    if (MECHANIC) {
      console.log(`[ParticipantMonitor] Participants in room: ${remotes.length + 1}`);
      [room.localParticipant, ...remotes].forEach((p) => console.log(`[ParticipantMonitor]   - ${p.identity}: ${roleOf(p)}`));
    } else {
      const summary = [room.localParticipant, ...remotes].map((p) => `${p.identity} as ${roleOf(p)}`).join(', ');
      console.log(`Participants detected: ${remotes.length + 1} (${summary})`);
    }
    const other = OTHER_ROLE[me.role] || 'participant';
    const otherPresent = remotes.some((p) => roleOf(p) === other);
    if (otherPresent) setState('connected', 'Connected');
    else setState('waiting', `Waiting for ${other}…`);
  }

  function screenShareButton(sharing) {
    $('share-screen').textContent = sharing ? 'Stop sharing' : 'Share screen';
    $('share-screen').dataset.sharing = String(sharing);
  }

  async function toggleScreenShare() {
    if (bug('screen-share-broken')) {
      screenShareButton($('share-screen').dataset.sharing !== 'true');
      return;
    }
    const sharing = room.localParticipant.isScreenShareEnabled;
    try {
      // with the bug, the share takes the camera's place and the camera is never switched back on
      if (bug('share-replaces-camera') && !sharing) await room.localParticipant.setCameraEnabled(false);
      await room.localParticipant.setScreenShareEnabled(!sharing);
      // with the bug, stopping the share leaves the microphone muted (the button still shows it on)
      if (bug('share-mutes-microphone') && sharing) await room.localParticipant.setMicrophoneEnabled(false);
      console.log(sharing ? 'Screen sharing stopped' : 'Screen sharing started');
    } catch (e) {
      console.warn(`Screen sharing failed: ${e.name}: ${e.message}`);
    }
    screenShareButton(room.localParticipant.isScreenShareEnabled);
  }

  // Recording: the app server hands the provider a hidden recorder token; the recorder joins the room
  // (LiveKit then reports the room as recording), records what it receives, and uploads it on stop.
  async function startRecording() {
    const response = await fetch(`/api/bookings/${cfg.bookingId}/recording/start`, { method: 'POST' });
    if (!response.ok) {
      console.error(`Recording refused: ${response.status}`);
      return;
    }
    const grant = await response.json();
    if (grant.egress) {
      // LiveKit Egress records the room; the indicator follows LiveKit's room state (RecordingStatusChanged)
      recorder = { egress: grant.egress };
      show('start-recording', false);
      show('stop-recording', true);
      console.log('Recording requested from LiveKit Egress');
      return;
    }
    const recRoom = new LK.Room({ adaptiveStream: false, dynacast: false });
    const stream = new MediaStream();
    recRoom.on(LK.RoomEvent.TrackSubscribed, (track) => {
      if (!stream.getTracks().some((t) => t.kind === track.kind)) stream.addTrack(track.mediaStreamTrack);
    });
    await recRoom.connect(grant.url, grant.token, { autoSubscribe: true });
    const started = Date.now();
    while (stream.getVideoTracks().length === 0 && Date.now() - started < 10000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const mediaRecorder = new MediaRecorder(stream, { mimeType: 'video/webm' });
    const chunks = [];
    recorder = { room: recRoom, mediaRecorder, chunks, startedAt: Date.now() };
    mediaRecorder.ondataavailable = (e) => { if (e.data.size > 0) chunks.push(e.data); };
    mediaRecorder.start(1000);
    show('start-recording', false);
    show('stop-recording', true);
    console.log('Recorder joined; recording');
  }

  async function stopRecording() {
    if (!recorder) return;
    const current = recorder;
    recorder = null;
    if (current.egress) {
      await fetch(`/api/bookings/${cfg.bookingId}/recording/stop`, { method: 'POST' });
      show('start-recording', true);
      show('stop-recording', false);
      console.log('Recording stopped');
      return;
    }
    const stopped = new Promise((resolve) => { current.mediaRecorder.onstop = resolve; });
    current.mediaRecorder.stop();
    await stopped;
    const durationMs = Date.now() - current.startedAt;
    await current.room.disconnect();
    const blob = new Blob(current.chunks, { type: 'video/webm' });
    const saved = await fetch(`/api/bookings/${cfg.bookingId}/recordings`, {
      method: 'POST', body: blob, headers: { 'Content-Type': 'video/webm', 'X-Duration-Ms': String(durationMs) },
    });
    await fetch(`/api/bookings/${cfg.bookingId}/recording/stop`, { method: 'POST' });
    show('start-recording', true);
    show('stop-recording', false);
    if (saved.ok) console.log(`Recording saved: ${blob.size} bytes, ${durationMs} ms`);
    else console.error(`Recording could not be saved: ${saved.status}`);
  }

  async function leave() {
    leaving = true;
    clearTimeout(reconnectGiveUp);
    await stopRecording();
    if (!bug('leave-keeps-connection')) await room.disconnect();
    console.log('Left the session');
    setState('ended', 'You left the session');
    show('session-controls', false);
    show('session-ended', true);
    $('remote-tiles').innerHTML = '';
    $('remote-screens').innerHTML = '';
    $('participant-list').innerHTML = '';
  }

  $('try-again').addEventListener('click', join);
  $('rejoin').addEventListener('click', join);
  $('leave').addEventListener('click', leave);
  $('share-screen').addEventListener('click', toggleScreenShare);
  $('start-recording').addEventListener('click', startRecording);
  $('stop-recording').addEventListener('click', stopRecording);
  $('toggle-camera').addEventListener('click', async () => {
    const on = $('toggle-camera').textContent === 'Turn camera off';
    if (!bug('camera-off-ui-only')) await room.localParticipant.setCameraEnabled(!on);
    $('toggle-camera').textContent = on ? 'Turn camera on' : 'Turn camera off';
  });
  $('toggle-microphone').addEventListener('click', async () => {
    const on = $('toggle-microphone').textContent === 'Mute';
    if (!bug('mute-ui-only')) await room.localParticipant.setMicrophoneEnabled(!on);
    $('toggle-microphone').textContent = on ? 'Unmute' : 'Mute';
  });
  $('start-audio').addEventListener('click', async () => {
    await room.startAudio();
    show('start-audio', !room.canPlaybackAudio);
  });
  window.addEventListener('beforeunload', () => { leaving = true; if (room) room.disconnect(); });

  // A device check before the room (the guide's preflight); ?skipPreflight=true skips it, e.g. for two
  // browsers on one machine that would fight over one camera.
  async function preflight() {
    show('preflight', true);
    setState('connecting', 'Checking your devices…');
    let stream = null;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
      $('preflight-video').srcObject = stream;
      $('preflight-status').textContent = 'Camera and microphone ready.';
    } catch (e) {
      $('preflight-status').textContent = `Camera or microphone unavailable (${e.name}); you can still join.`;
    }
    $('preflight-continue').addEventListener('click', () => {
      if (stream) stream.getTracks().forEach((t) => t.stop());
      show('preflight', false);
      join();
    }, { once: true });
  }

  if (cfg.preflight) preflight();
  else join();
})();
