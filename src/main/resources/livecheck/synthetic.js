// livecheck's timestamped camera and microphone, installed before any page script (CDP addScriptToEvaluateOnNewDocument)
// after the harness set window.__livecheckSynthetic = {colour: [r, g, b], toneHz, beepHz}.
//
// The page still asks the browser for its devices (so a denied camera is still denied), then gets, instead of the
// fake devices' tracks, a canvas camera in the role's colour with the capture time drawn into every frame as a
// 32-bit barcode (wall-clock milliseconds, top left) and a moving square, and a microphone playing the role's tone
// with a short beep at every whole wall-clock second. The app publishes them through LiveKit like any camera and
// microphone; the other page's probe reads the barcode and hears the beeps to measure what arrives and when.
(() => {
  const cfg = window.__livecheckSynthetic;
  if (!cfg || cfg.installed || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
  cfg.installed = true;
  const WIDTH = 640, HEIGHT = 480, FPS = 30, BLOCK = 12, BITS = 32;

  let video = null;
  function videoSource() {
    if (video) return video;
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
      g.fillRect(40 + (frame * 7) % (WIDTH - 120), HEIGHT - 100, 60, 60); // moves: the picture is alive
      const stamp = now % 4294967296;
      for (let i = 0; i < BITS; i++) {
        g.fillStyle = Math.floor(stamp / 2 ** i) % 2 === 1 ? '#ffffff' : '#000000';
        g.fillRect((i % 16) * BLOCK, Math.floor(i / 16) * BLOCK, BLOCK, BLOCK);
      }
      frame++;
    };
    draw();
    setInterval(draw, 1000 / FPS);
    video = canvas.captureStream(FPS);
    return video;
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

  const native = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const real = await native(constraints); // a denied device still fails here, as it would
    const stream = new MediaStream();
    real.getVideoTracks().forEach((t) => { t.stop(); stream.addTrack(videoSource().getVideoTracks()[0].clone()); });
    real.getAudioTracks().forEach((t) => { t.stop(); stream.addTrack(audioSource().getAudioTracks()[0].clone()); });
    return stream;
  };
})();
