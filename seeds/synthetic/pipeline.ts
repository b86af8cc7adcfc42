// Produces items in order with up to `ahead` in preparation and consumes them with up to `lanes` at once; the first
// failure stops new work and is rethrown once everything started has settled.
export async function runPipeline<T>(o: {
  total: number;
  ahead: number;
  lanes: number;
  produce: (index: number) => Promise<T>;
  consume: (item: T, index: number) => Promise<void>;
}): Promise<void> {
  const produced: Promise<T>[] = [];
  let next = 0;
  const startProducing = () => {
    if (next < o.total) {
      const p = o.produce(next++);
      p.catch(() => undefined);
      produced.push(p);
    }
  };
  for (let i = 0; i < Math.max(1, o.ahead); i++) startProducing();
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  for (let index = 0; index < o.total && !failure; index++) {
    let item: T;
    try {
      item = await produced.shift()!;
    } catch (error) {
      failure = error;
      break;
    }
    startProducing();
    while (inFlight.size >= o.lanes) await Promise.race(inFlight);
    if (failure) break;
    const job: Promise<void> = o
      .consume(item, index)
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
  }
  await Promise.all(inFlight);
  await Promise.allSettled(produced);
  if (failure) throw failure;
}
