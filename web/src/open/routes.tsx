import type { RouteObject } from 'react-router';

/** 数据开放 public pages under the portal layout (paths start with open). */
export const openDataRoutes: RouteObject[] = [];
