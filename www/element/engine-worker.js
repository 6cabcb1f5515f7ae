// The engine's dedicated workers, one module for both:
//  - "resv-calc": parses and calculates off the main thread; starts the core at once;
//  - "resv-calc-xlsx": one per workbook, reads it to CSV and is ended when its time is up
//    (engine.js); it needs no core.
import { start, handle } from "./engine-core.js";

const ready = self.name === "resv-calc-xlsx" ? null : start();
self.onmessage = async (e) => {
  await ready;
  const { id } = e.data;
  const msg = await handle(e.data, (progress) => self.postMessage({ id, progress }));
  self.postMessage(msg, msg.value instanceof Uint8Array ? [msg.value.buffer] : []);
};
self.postMessage({ id: 0, value: "ready" });
