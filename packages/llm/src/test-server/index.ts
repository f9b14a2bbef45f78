export { TestServer, startTestServer } from './server';
export type { ChatBody, Reply } from './server';
