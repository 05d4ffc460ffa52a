/**
 * Wraps every method of an adapter (a store, a directory) so each call reports its method name,
 * its duration and its error, if any, without the adapter knowing. Methods the port gains later
 * are timed too. Calls run on the adapter itself, so its internal calls are not counted twice.
 */
export function timed<T extends object>(
  target: T,
  observe: (operation: string, seconds: number, error?: unknown) => void,
  untimed: readonly string[] = [],
): T {
  const wrappers = new Map<string, unknown>();
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof property !== 'string' || typeof value !== 'function' || untimed.includes(property)) return value;
      let wrapper = wrappers.get(property);
      if (!wrapper) {
        const method = value as (...args: unknown[]) => unknown;
        wrapper = (...args: unknown[]) => timeCall(() => method.apply(object, args), (seconds, error) => observe(property, seconds, error));
        wrappers.set(property, wrapper);
      }
      return wrapper;
    },
  });
}

function timeCall(call: () => unknown, done: (seconds: number, error?: unknown) => void): unknown {
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    done(seconds(), error);
    throw error;
  }
  if (!(result instanceof Promise)) {
    done(seconds());
    return result;
  }
  return result.then(
    (value: unknown) => {
      done(seconds());
      return value;
    },
    (error: unknown) => {
      done(seconds(), error);
      throw error;
    },
  );
}
