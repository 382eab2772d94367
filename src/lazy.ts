/**
 * A function that stands in for one defined in a module that is not loaded yet: the first call loads the module
 * (`load`, a literal `() => require('…')` so Zapier's build still finds the file) and follows `path` from its
 * exports to the real function, which every call then runs with the same `this` and arguments.
 *
 * Why: Zapier requires the whole app on every cold start of its Lambda, but each invocation runs one operation.
 * The shipped definition (dist/app/shipped.js, written at build by scripts/shipDefinition.ts) holds every
 * operation's data, and functions made here, so a cold start loads only what the running operation needs.
 *
 * Throws (on the first call) a TypeError naming the path when it does not lead to a function: the build wrote a
 * definition the modules no longer match (run `npm run build`).
 */
export function lazyFunction(load: () => unknown, path: ReadonlyArray<string | number>): LazyFunction {
  let target: ((...args: unknown[]) => unknown) | undefined;
  const resolve = () => {
    if (target) return target;
    let value: unknown = load();
    for (const step of path) value = value == null ? undefined : (value as Record<string | number, unknown>)[step];
    if (typeof value !== 'function')
      throw new TypeError(`The shipped definition is stale: ${path.join('.')} is not a function (run npm run build).`);
    return (target = value as (...args: unknown[]) => unknown);
  };
  const stand = function (this: unknown, ...args: unknown[]) {
    return resolve().apply(this, args);
  } as LazyFunction;
  // Non-enumerable: the definition's JSON and Zapier's schema see a plain function.
  Object.defineProperty(stand, 'resolve', { value: resolve });
  return stand;
}

/** A lazy stand-in; `resolve()` loads the module and returns the real function (tests compare it with the live app's). */
export type LazyFunction = ((...args: any[]) => any) & { readonly resolve: () => (...args: unknown[]) => unknown };
