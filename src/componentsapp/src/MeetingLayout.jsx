import {
  ConnectionStateToast,
  ControlBar,
  DisconnectButton,
  GridLayout,
  LayoutContextProvider,
  LeaveIcon,
  MediaDeviceMenu,
  ParticipantTile,
  RoomAudioRenderer,
  StartMediaButton,
  TrackToggle,
  useCreateLayoutContext,
  useTracks,
} from '@livekit/components-react';
import { RoomEvent, Track } from 'livekit-client';
import { ScreenShareButton } from './ScreenShareButton';

// Our own layout (grid only, no chat), used while we try out our own controls.
export function MeetingLayout({ playRemoteAudio, ownScreenShareButton }) {
  const layoutContext = useCreateLayoutContext();
  const tracks = useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { updateOnlyOn: [RoomEvent.ActiveSpeakersChanged], onlySubscribed: false },
  );

  return (
    <div className="lk-video-conference">
      <LayoutContextProvider value={layoutContext}>
        <div className="lk-video-conference-inner">
          <div className="lk-grid-layout-wrapper">
            <GridLayout tracks={tracks}>
              <ParticipantTile />
            </GridLayout>
          </div>
          {ownScreenShareButton ? <MeetingControls /> : <ControlBar controls={{ chat: false }} />}
        </div>
      </LayoutContextProvider>
      {playRemoteAudio && <RoomAudioRenderer />}
      <ConnectionStateToast />
    </div>
  );
}

function MeetingControls() {
  return (
    <div className="lk-control-bar">
      <div className="lk-button-group">
        <TrackToggle source={Track.Source.Microphone}>Microphone</TrackToggle>
        <div className="lk-button-group-menu">
          <MediaDeviceMenu kind="audioinput" />
        </div>
      </div>
      <div className="lk-button-group">
        <TrackToggle source={Track.Source.Camera}>Camera</TrackToggle>
        <div className="lk-button-group-menu">
          <MediaDeviceMenu kind="videoinput" />
        </div>
      </div>
      <ScreenShareButton />
      <DisconnectButton>
        <LeaveIcon />
        Leave
      </DisconnectButton>
      <StartMediaButton />
    </div>
  );
}
