import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router-dom';

/**
 * A page fetched on its first visit: each page, and the parts of antd and the app only it uses, is a
 * chunk of its own, so signing in loads the shell and not every module.
 */
export function lazyPage<M>(load: () => Promise<M>, name: keyof M): RouteObject['lazy'] {
  return async () => ({ Component: (await load())[name] as ComponentType });
}
