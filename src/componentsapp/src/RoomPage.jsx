import { PreJoin } from '@livekit/components-react';
import { useCallback, useMemo, useState } from 'react';
import { Conference } from './Conference';
import { JoinErrorPanel } from './JoinErrorPanel';

export function RoomPage({ roomName }) {
  const [userChoices, setUserChoices] = useState();
  const [failure, setFailure] = useState();
  const [attempt, setAttempt] = useState(0);

  const preJoinDefaults = useMemo(
    () => ({ username: '', videoEnabled: true, audioEnabled: true }),
    [],
  );

  const handlePreJoinSubmit = useCallback((values) => {
    setFailure(undefined);
    setUserChoices(values);
  }, []);

  const handlePreJoinError = useCallback((error) => {
    console.error('Could not start the camera/microphone preview', error);
  }, []);

  const handleFailure = useCallback((reason) => setFailure(reason), []);

  const tryAgain = useCallback(() => {
    setFailure(undefined);
    setAttempt((n) => n + 1);
  }, []);

  const backToStart = useCallback(() => window.location.assign('/'), []);

  let content;
  if (!userChoices) {
    content = (
      <div className="prejoin-wrapper">
        <h1 className="room-title">{roomName}</h1>
        <PreJoin
          defaults={preJoinDefaults}
          onSubmit={handlePreJoinSubmit}
          onError={handlePreJoinError}
        />
      </div>
    );
  } else if (failure) {
    content = <JoinErrorPanel failure={failure} onTryAgain={tryAgain} onBackToStart={backToStart} />;
  } else {
    content = (
      <Conference
        key={attempt}
        roomName={roomName}
        userChoices={userChoices}
        onFailure={handleFailure}
      />
    );
  }

  return (
    <main className="room-page" data-lk-theme="default">
      {content}
    </main>
  );
}
