/**
 * A use case whose module loads the first time one of its methods is called. The API's rarely used
 * areas (reports and the head's insight views, the process views, privacy, webhooks, a catalog's
 * import and export) are built this way in deps.ts: their code is reached only through `import()`,
 * so esbuild puts it in chunks beside the handler that a cold start does not parse (infra/bundling.ts).
 * Every method answers a promise, a synchronous one included; a failed load is tried again on the
 * next call.
 */

/** `T`'s methods, each answering a promise of what it answered. */
export type OnFirstUse<T> = {
  readonly [K in keyof T as T[K] extends (...args: never[]) => unknown ? K : never]: T[K] extends (
    ...args: infer A
  ) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};

export function onFirstUse<T extends object>(load: () => Promise<T>): OnFirstUse<T> {
  let loading: Promise<T> | undefined;
  const target = (): Promise<T> => {
    if (!loading) {
      loading = load();
      loading.catch(() => {
        loading = undefined;
      });
    }
    return loading;
  };
  const methods = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  return new Proxy(Object.freeze({}), {
    get(_empty, name) {
      // Not a thenable: awaiting the use case itself answers it, not a call to `then`.
      if (typeof name !== 'string' || name === 'then') return undefined;
      let method = methods.get(name);
      if (!method) {
        method = async (...args: unknown[]) => {
          const useCase = await target();
          const own: unknown = Reflect.get(useCase, name);
          if (typeof own !== 'function') throw new TypeError(`${name} is not a method of the use case`);
          return own.apply(useCase, args);
        };
        methods.set(name, method);
      }
      return method;
    },
  }) as OnFirstUse<T>;
}
