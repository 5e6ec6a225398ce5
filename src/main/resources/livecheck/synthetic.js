// livecheck's timestamped camera and microphone, installed before any page script (CDP addScriptToEvaluateOnNewDocument)
// after the harness set window.__livecheckSynthetic = {colour: [r, g, b], toneHz, beepHz, screen?}.
//
// The page still asks the browser for its devices (so a denied camera is still denied), then gets, instead of the
// fake devices' tracks, a canvas camera in the role's colour with the capture time drawn into every frame as a
// 32-bit barcode (wall-clock milliseconds, top left) and a moving square, and a microphone playing the role's tone
// with a short beep at every whole wall-clock second. The app publishes them through LiveKit like any camera and
// microphone; the other page's probe reads the barcode and hears the beeps to measure what arrives and when.
//
// Like a real camera it honours what the app asks of it (getUserMedia's width, height and frameRate: exact, ideal,
// min, max or a number), within what it can do — a common 640x480, 30 fps webcam — so an app that captures at a tiny
// size or frame rate is seen doing so; what each getUserMedia asked for is kept in cfg.asked for C-10's report.
(() => {
  const cfg = window.__livecheckSynthetic;
  if (!cfg || cfg.installed || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
  cfg.installed = true;
  cfg.asked = [];
  const CAN = { width: 640, height: 480, frameRate: 30 }, BITS = 32;

  // One constraint against what the camera can do: a number is ideal; exact, then ideal, then the default, kept in min..max.
  function settle(c, can, fallback) {
    if (c === undefined || c === null) return fallback;
    let v = typeof c === 'number' ? c : (c.exact !== undefined ? c.exact : (c.ideal !== undefined ? c.ideal : fallback));
    if (typeof c === 'object' && c.max !== undefined) v = Math.min(v, c.max);
    if (typeof c === 'object' && c.min !== undefined) v = Math.max(v, c.min);
    return Math.max(1, Math.min(Math.round(v), can));
  }

  function videoSettings(asked) {
    const c = asked && typeof asked === 'object' ? asked : {};
    let width = settle(c.width, CAN.width, 0), height = settle(c.height, CAN.height, 0);
    if (!width && !height) { width = CAN.width; height = CAN.height; }
    else if (!width) width = Math.round(height * CAN.width / CAN.height);
    else if (!height) height = Math.round(width * CAN.height / CAN.width);
    return { width: Math.min(width, CAN.width), height: Math.min(height, CAN.height), frameRate: settle(c.frameRate, CAN.frameRate, CAN.frameRate) };
  }

  const videos = new Map();
  function videoSource(settings) {
    const key = settings.width + 'x' + settings.height + '@' + settings.frameRate;
    if (videos.has(key)) return videos.get(key);
    const WIDTH = settings.width, HEIGHT = settings.height, FPS = settings.frameRate;
    const BLOCK = 12 * WIDTH / 640; // the probe reads the barcode at this scale of the picture it receives
    const canvas = document.createElement('canvas');
    canvas.width = WIDTH;
    canvas.height = HEIGHT;
    const g = canvas.getContext('2d');
    let frame = 0;
    const draw = () => {
      const now = Date.now();
      g.fillStyle = `rgb(${cfg.colour[0]},${cfg.colour[1]},${cfg.colour[2]})`;
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.fillStyle = '#ffffff';
      const square = Math.max(4, Math.round(WIDTH * 60 / 640));
      g.fillRect(Math.round(WIDTH / 16) + (frame * 7) % Math.max(1, WIDTH - 2 * square), HEIGHT - Math.round(square * 5 / 3), square, square); // moves: the picture is alive
      const stamp = now % 4294967296;
      for (let i = 0; i < BITS; i++) {
        g.fillStyle = Math.floor(stamp / 2 ** i) % 2 === 1 ? '#ffffff' : '#000000';
        g.fillRect((i % 16) * BLOCK, Math.floor(i / 16) * BLOCK, BLOCK, BLOCK);
      }
      frame++;
    };
    draw();
    setInterval(draw, 1000 / FPS);
    const stream = canvas.captureStream(FPS);
    videos.set(key, stream);
    return stream;
  }

  let audio = null;
  function audioSource() {
    if (audio) return audio;
    const ctx = new AudioContext();
    const out = ctx.createMediaStreamDestination();
    const tone = ctx.createOscillator();
    tone.frequency.value = cfg.toneHz;
    const toneGain = ctx.createGain();
    toneGain.gain.value = 0.3;
    tone.connect(toneGain).connect(out);
    tone.start();
    const beep = ctx.createOscillator();
    beep.frequency.value = cfg.beepHz;
    const beepGain = ctx.createGain();
    beepGain.gain.value = 0;
    beep.connect(beepGain).connect(out);
    beep.start();
    let scheduledUntil = 0;
    const schedule = () => {
      if (ctx.state === 'suspended') ctx.resume();
      const nowMs = Date.now();
      for (let second = Math.ceil(nowMs / 1000) * 1000; second < nowMs + 1500; second += 1000) {
        if (second <= scheduledUntil) continue;
        const at = ctx.currentTime + (second - nowMs) / 1000;
        beepGain.gain.setValueAtTime(0.6, at);
        beepGain.gain.setValueAtTime(0, at + 0.08);
        scheduledUntil = second;
      }
    };
    schedule();
    setInterval(schedule, 200);
    audio = out.stream;
    return audio;
  }

  // A screen to share where the browser has none (headless Firefox answers getDisplayMedia with NotFoundError): a
  // 1280x720 page-like picture, grey with the role's colour in a band and a moving square, given only as the real one
  // is — in answer to a click (transient user activation), else InvalidStateError.
  if (cfg.screen && navigator.mediaDevices.getDisplayMedia) {
    let screen = null;
    navigator.mediaDevices.getDisplayMedia = async () => {
      if (navigator.userActivation && !navigator.userActivation.isActive) {
        throw new DOMException('getDisplayMedia requires transient activation from a user gesture.', 'InvalidStateError');
      }
      if (!screen) {
        const canvas = document.createElement('canvas');
        canvas.width = 1280;
        canvas.height = 720;
        const g = canvas.getContext('2d');
        let frame = 0;
        setInterval(() => {
          g.fillStyle = '#d8d8d8';
          g.fillRect(0, 0, 1280, 720);
          g.fillStyle = `rgb(${cfg.colour[0]},${cfg.colour[1]},${cfg.colour[2]})`;
          g.fillRect(0, 0, 1280, 80);
          g.fillStyle = '#333333';
          g.fillRect(100 + (frame * 9) % 1000, 300, 120, 120);
          frame++;
        }, 1000 / 15);
        screen = canvas.captureStream(15);
      }
      const stream = new MediaStream();
      stream.addTrack(screen.getVideoTracks()[0].clone());
      return stream;
    };
  }

  // The synthetic track stands in for the device the page opened: it names that device (label, deviceId, groupId), so
  // an app that opens "the same camera again" (LiveKit does, turning the camera back on) asks for a device that exists.
  function standIn(device, track) {
    const was = device.getSettings();
    const own = track.getSettings.bind(track);
    Object.defineProperty(track, 'label', { value: device.label });
    track.getSettings = () => Object.assign(own(), { deviceId: was.deviceId, groupId: was.groupId });
    // a camera takes new constraints while it runs (LiveKit applies some when it turns the camera back on); a canvas
    // or Web Audio track in Firefox refuses them (OverconstrainedError): kept as asked, the picture unchanged
    let applied = {};
    track.applyConstraints = async (c) => {
      applied = c || {};
      cfg.asked.push({ applied: JSON.parse(JSON.stringify(applied)), kind: track.kind, at: Date.now() });
      if (cfg.asked.length > 50) cfg.asked.shift();
    };
    track.getConstraints = () => applied;
    return track;
  }

  const native = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const real = await native(constraints); // a denied device still fails here, as it would
    const stream = new MediaStream();
    const settings = videoSettings(constraints && constraints.video);
    if (constraints && constraints.video) {
      cfg.asked.push({ video: JSON.parse(JSON.stringify(constraints.video)), got: settings, at: Date.now() });
      if (cfg.asked.length > 50) cfg.asked.shift();
    }
    real.getVideoTracks().forEach((t) => { stream.addTrack(standIn(t, videoSource(settings).getVideoTracks()[0].clone())); t.stop(); });
    real.getAudioTracks().forEach((t) => { stream.addTrack(standIn(t, audioSource().getAudioTracks()[0].clone())); t.stop(); });
    return stream;
  };
})();
