import { startStaticServer } from './tests/helpers/server.ts';
const s = await startStaticServer();
console.log(s.url);
await new Promise(() => {});
