// The engine's dedicated worker: parses and calculates off the main thread.
import { start, handle } from "./engine-core.js";

const ready = start();
self.onmessage = async (e) => {
  await ready;
  const { id } = e.data;
  self.postMessage(await handle(e.data, (progress) => self.postMessage({ id, progress })));
};
self.postMessage({ id: 0, value: "ready" });
