import type { RouteObject } from 'react-router';

/** The citizen's and enterprise's data pages under /my besides 数据使用记录 (paths relative to /my). */
export const portalDataRoutes: RouteObject[] = [];
