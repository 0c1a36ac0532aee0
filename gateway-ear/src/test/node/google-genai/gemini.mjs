// Google's own client through the gateway: a plain and a streamed generateContent, a call the
// tenant's policy refuses, and one with a key the gateway does not know. Prints one JSON line.
import { GoogleGenAI } from '@google/genai';

const [gatewayUrl, key, deniedModel] = process.argv.slice(2);
const ai = new GoogleGenAI({ apiKey: key, httpOptions: { baseUrl: gatewayUrl } });
const seen = {};

const plain = await ai.models.generateContent({
  model: 'gemini-2.0-flash',
  contents: 'Say hello to jane@acme.io',
  config: { systemInstruction: 'Be brief.', maxOutputTokens: 50 },
});
seen.text = plain.text;
seen.usage = plain.usageMetadata;

let streamed = '';
let chunks = 0;
let lastUsage = null;
for await (const chunk of await ai.models.generateContentStream({
  model: 'gemini-2.0-flash',
  contents: [{ role: 'user', parts: [{ text: 'Stream a greeting' }] }],
})) {
  streamed += chunk.text ?? '';
  chunks += 1;
  lastUsage = chunk.usageMetadata ?? lastUsage;
}
seen.streamed = { text: streamed, chunks, usage: lastUsage };

async function failure(call) {
  try {
    await call();
    return { status: 0 };
  } catch (e) {
    return { status: e.status ?? -1, message: String(e.message) };
  }
}
seen.denied = await failure(() => ai.models.generateContent({ model: deniedModel, contents: 'hi' }));
const stranger = new GoogleGenAI({ apiKey: 'rk_live_not-a-key', httpOptions: { baseUrl: gatewayUrl } });
seen.badKey = await failure(() => stranger.models.generateContent({ model: 'gemini-2.0-flash', contents: 'hi' }));

console.log(JSON.stringify(seen));
