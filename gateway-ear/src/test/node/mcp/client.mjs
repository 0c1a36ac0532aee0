// Connects the official MCP client to a server through the gateway and prints what it saw as JSON.
// Usage: node client.mjs <gateway MCP URL> <virtual key> <allowed tool> <refused tool>
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const [url, key, allowedTool, refusedTool] = process.argv.slice(2);
const transport = new StreamableHTTPClientTransport(new URL(url), {
  requestInit: { headers: { Authorization: `Bearer ${key}` } },
});
const client = new Client({ name: 'renlayer-it', version: '1.0.0' });
await client.connect(transport);

const seen = { sessionId: transport.sessionId ?? null };
seen.tools = (await client.listTools()).tools.map((t) => t.name).sort();
const called = await client.callTool({ name: allowedTool, arguments: { message: 'hello through the gateway' } });
seen.called = called.content.map((c) => c.text).join('\n');
try {
  await client.callTool({ name: refusedTool, arguments: {} });
  seen.refused = null;
} catch (e) {
  seen.refused = { code: e.code ?? null, message: String(e.message) };
}
await transport.terminateSession();
await client.close();
console.log(JSON.stringify(seen));
