import { DisconnectReason } from 'livekit-client';
import { CONNECT_TIMEOUT_MS } from './config';

function describe(failure) {
  if (failure.kind === 'lost') {
    if (failure.reason === DisconnectReason.ROOM_DELETED) {
      return { title: 'The room was closed', message: 'This room has ended. You can join it again to start a new call.' };
    }
    if (failure.reason === DisconnectReason.PARTICIPANT_REMOVED) {
      return { title: 'You were removed from the room', message: 'Someone removed you from this room. You can try to join again.' };
    }
    return {
      title: 'Connection lost',
      message: 'Your connection to the room was interrupted. Check your internet connection and try again.',
    };
  }
  if (failure.kind === 'timeout') {
    return {
      title: "Couldn't join the room",
      message: `We couldn't connect to the room within ${CONNECT_TIMEOUT_MS / 1000} seconds. Check your internet connection and try again.`,
    };
  }
  return {
    title: "Couldn't join the room",
    message: "Something went wrong while connecting to the room. Check your internet connection and try again.",
  };
}

export function JoinErrorPanel({ failure, onTryAgain, onBackToStart }) {
  const { title, message } = describe(failure);
  return (
    <div className="join-error" role="alert">
      <div className="join-error-card">
        <h2>{title}</h2>
        <p>{message}</p>
        <div className="join-error-actions">
          <button className="lk-button" type="button" onClick={onTryAgain}>
            Try again
          </button>
          <button className="lk-button" type="button" onClick={onBackToStart}>
            Back to start
          </button>
        </div>
      </div>
    </div>
  );
}
