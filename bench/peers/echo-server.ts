// The floor's network half: a bare `ws` server that echoes every message, on loopback.
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
wss.on('connection', (socket) => {
  socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
});
wss.on('listening', () => {
  const address = wss.address();
  console.log('persistence: none (echo)');
  console.log(
    `listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : address}`,
  );
});
process.on('SIGTERM', () => wss.close(() => process.exit(0)));
