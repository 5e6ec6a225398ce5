import '@livekit/components-styles';
import '@livekit/components-styles/prefabs';
import './styles.css';

import { createRoot } from 'react-dom/client';
import { HomePage } from './HomePage';
import { RoomPage } from './RoomPage';

function App() {
  const match = window.location.pathname.match(/^\/rooms\/([^/]+)\/?$/);
  if (match) {
    return <RoomPage roomName={decodeURIComponent(match[1])} />;
  }
  return <HomePage />;
}

createRoot(document.getElementById('root')).render(<App />);
