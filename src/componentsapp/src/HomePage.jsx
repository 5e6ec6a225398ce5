import { useState } from 'react';

function toRoomName(value) {
  return value.trim().replace(/\s+/g, '-');
}

export function HomePage() {
  const [roomName, setRoomName] = useState('');

  function handleSubmit(event) {
    event.preventDefault();
    const name = toRoomName(roomName);
    if (!name) return;
    window.location.assign(`/rooms/${encodeURIComponent(name)}`);
  }

  return (
    <main className="home" data-lk-theme="default">
      <div className="home-card">
        <h1>Huddle</h1>
        <p>Video rooms for small teams. Pick a room name, share the link, and you're in.</p>
        <form className="home-form" onSubmit={handleSubmit}>
          <label htmlFor="room-name">Room name</label>
          <input
            className="lk-form-control"
            id="room-name"
            name="room"
            type="text"
            placeholder="e.g. weekly-sync"
            autoComplete="off"
            value={roomName}
            onChange={(event) => setRoomName(event.target.value)}
          />
          <button className="lk-button" type="submit" disabled={!toRoomName(roomName)}>
            Join room
          </button>
        </form>
      </div>
    </main>
  );
}
