import { ScreenShareIcon, ScreenShareStopIcon } from '@livekit/components-react';
import { useEffect, useState } from 'react';

// Share-screen toggle with our own capture call, so we can ask for the whole screen with audio.
export function ScreenShareButton() {
  const [stream, setStream] = useState(null);
  const sharing = stream !== null;

  useEffect(() => {
    if (!stream) return undefined;
    const [video] = stream.getVideoTracks();
    const onEnded = () => setStream(null);
    video?.addEventListener('ended', onEnded);
    return () => video?.removeEventListener('ended', onEnded);
  }, [stream]);

  async function toggle() {
    if (stream) {
      stream.getTracks().forEach((track) => track.stop());
      setStream(null);
      return;
    }
    try {
      const captured = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: true });
      setStream(captured);
    } catch (error) {
      console.warn('Screen share cancelled', error);
    }
  }

  return (
    <button
      className="lk-button"
      type="button"
      aria-pressed={sharing}
      data-lk-source="screen_share"
      data-lk-enabled={sharing}
      onClick={toggle}
    >
      {sharing ? <ScreenShareStopIcon /> : <ScreenShareIcon />}
      {sharing ? 'Stop screen share' : 'Share screen'}
    </button>
  );
}
