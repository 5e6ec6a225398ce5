import { LiveKitRoom, VideoConference } from '@livekit/components-react';
import { ConnectionError, DisconnectReason, MediaDeviceFailure } from 'livekit-client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CONNECT_TIMEOUT_MS, CONNECTION_DETAILS_ENDPOINT, flags } from './config';
import { MeetingLayout } from './MeetingLayout';

async function fetchConnectionDetails(roomName, participantName) {
  const url = new URL(CONNECTION_DETAILS_ENDPOINT, window.location.origin);
  url.searchParams.append('roomName', roomName);
  url.searchParams.append('participantName', participantName);
  const response = await fetch(url.toString());
  if (!response.ok) {
    throw new Error(`Could not get connection details (${response.status}): ${await response.text()}`);
  }
  return response.json();
}

function deviceFailureMessage(failure, kind) {
  if (kind === 'videoinput' || kind === 'audioinput') {
    const device = kind === 'videoinput' ? 'camera' : 'microphone';
    switch (failure) {
      case MediaDeviceFailure.PermissionDenied:
        return `Huddle isn't allowed to use your ${device}. You joined without it. To use your ${device}, allow access for this site in your browser settings, then turn it on from the control bar.`;
      case MediaDeviceFailure.NotFound:
        return `No ${device} was found. You joined without it. Connect a ${device}, then turn it on from the control bar.`;
      case MediaDeviceFailure.DeviceInUse:
        return `Your ${device} is being used by another application. You joined without it. Close that application, then turn your ${device} on from the control bar.`;
      default:
        return `Your ${device} could not be started. You joined without it. Check that it is connected, then turn it on from the control bar.`;
    }
  }
  return 'Your screen could not be shared. Check that your browser is allowed to share your screen, then try again.';
}

export function Conference({ roomName, userChoices, onFailure }) {
  const [connectionDetails, setConnectionDetails] = useState();
  const connected = useRef(false);
  const failed = useRef(false);
  const onFailureRef = useRef(onFailure);
  onFailureRef.current = onFailure;

  // Leaving or reloading the page also disconnects (client-initiated): that is not the Leave button.
  const pageLeaving = useRef(false);
  useEffect(() => {
    const onPageHide = () => {
      pageLeaving.current = true;
    };
    const onPageShow = () => {
      pageLeaving.current = false;
    };
    window.addEventListener('beforeunload', onPageHide);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', onPageShow);
    return () => {
      window.removeEventListener('beforeunload', onPageHide);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
    };
  }, []);

  const fail = useCallback((failure) => {
    if (failed.current) return;
    failed.current = true;
    onFailureRef.current(failure);
  }, []);

  useEffect(() => {
    let cancelled = false;
    fetchConnectionDetails(roomName, userChoices.username)
      .then((details) => {
        if (!cancelled) setConnectionDetails(details);
      })
      .catch((error) => {
        if (cancelled) return;
        console.error(error);
        if (!flags.noConnectTimeout) fail({ kind: 'join', error });
      });
    return () => {
      cancelled = true;
    };
  }, [roomName, userChoices.username, fail]);

  useEffect(() => {
    if (flags.noConnectTimeout) return undefined;
    const timer = setTimeout(() => {
      if (connected.current) return;
      console.error(`Could not connect to room ${roomName} within ${CONNECT_TIMEOUT_MS / 1000} seconds`);
      fail({ kind: 'timeout' });
    }, CONNECT_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [roomName, fail]);

  const handleConnected = useCallback(() => {
    connected.current = true;
    console.info(`Connected to room ${roomName}`);
  }, [roomName]);

  const handleDisconnected = useCallback(
    (reason) => {
      if (reason === DisconnectReason.CLIENT_INITIATED) {
        if (!pageLeaving.current) window.location.assign('/');
        return;
      }
      console.warn(`Disconnected from room ${roomName} (reason ${reason})`);
      if (connected.current) {
        fail({ kind: 'lost', reason });
      } else if (!flags.noConnectTimeout) {
        fail({ kind: 'join', reason });
      }
    },
    [roomName, fail],
  );

  const handleError = useCallback(
    (error) => {
      console.error(error);
      if (!(error instanceof ConnectionError)) return; // device errors are reported by handleMediaDeviceFailure
      if (flags.noConnectTimeout) return;
      fail({ kind: connected.current ? 'lost' : 'join', error });
    },
    [fail],
  );

  const handleMediaDeviceFailure = useCallback((failure, kind) => {
    console.warn(`Media device failure: ${failure} (${kind ?? 'screen'})`);
    alert(deviceFailureMessage(failure, kind));
  }, []);

  const roomOptions = useMemo(
    () => ({
      adaptiveStream: true,
      dynacast: true,
      videoCaptureDefaults: { deviceId: userChoices.videoDeviceId || undefined },
      audioCaptureDefaults: { deviceId: userChoices.audioDeviceId || undefined },
    }),
    [userChoices.videoDeviceId, userChoices.audioDeviceId],
  );

  if (!connectionDetails) {
    return <p className="joining-note">Joining {roomName}…</p>;
  }

  // LocalUserChoices used to call this field `camera`; the pre-join screen now says `videoEnabled`.
  const publishCamera = flags.cameraNeverPublished ? Boolean(userChoices.camera) : userChoices.videoEnabled;
  const customLayout = flags.screenSharePublishesNothing || flags.noAudioRenderer;

  return (
    <LiveKitRoom
      serverUrl={connectionDetails.serverUrl}
      token={connectionDetails.participantToken}
      connect
      video={publishCamera}
      audio={userChoices.audioEnabled}
      options={roomOptions}
      onConnected={handleConnected}
      onDisconnected={handleDisconnected}
      onError={handleError}
      onMediaDeviceFailure={handleMediaDeviceFailure}
      data-lk-theme="default"
    >
      {customLayout ? (
        <MeetingLayout
          playRemoteAudio={!flags.noAudioRenderer}
          ownScreenShareButton={flags.screenSharePublishesNothing}
        />
      ) : (
        <VideoConference />
      )}
    </LiveKitRoom>
  );
}
