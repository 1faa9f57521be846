/**
 * The one catalogue of error codes. The server maps each code to an HTTP status and a
 * human message in the request's language; the web shows the same message.
 */
export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, 'zh-CN': '提交的信息有误,请按提示修改', 'en-US': 'Some fields are not valid' },
  BAD_REQUEST: { status: 400, 'zh-CN': '请求格式不正确', 'en-US': 'The request is malformed' },
  UNAUTHENTICATED: { status: 401, 'zh-CN': '请先登录', 'en-US': 'Please sign in first' },
  SESSION_EXPIRED: { status: 401, 'zh-CN': '登录已失效(超时或已在其他地方退出),请重新登录', 'en-US': 'Your session has ended (timed out or signed out elsewhere); please sign in again' },
  INVALID_CREDENTIALS: { status: 401, 'zh-CN': '账号或密码错误', 'en-US': 'Wrong account or password' },
  ACCOUNT_LOCKED: { status: 423, 'zh-CN': '密码连续错误次数过多,账号已锁定,请稍后再试', 'en-US': 'Too many failed attempts; the account is locked for a while' },
  ACCOUNT_DISABLED: { status: 403, 'zh-CN': '账号已停用,请联系管理员', 'en-US': 'This account is disabled; contact the administrator' },
  TOTP_REQUIRED: { status: 401, 'zh-CN': '请输入动态验证码', 'en-US': 'Enter the one-time code from your authenticator app' },
  TOTP_INVALID: { status: 401, 'zh-CN': '动态验证码不正确或已过期', 'en-US': 'The one-time code is wrong or expired' },
  TOTP_SETUP_REQUIRED: { status: 403, 'zh-CN': '请先绑定动态验证码(双因素认证)', 'en-US': 'Set up two-factor authentication first' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, 'zh-CN': '请先修改初始密码', 'en-US': 'Change your initial password first' },
  FORBIDDEN: { status: 403, 'zh-CN': '您没有执行此操作的权限', 'en-US': 'You are not allowed to do this' },
  OUT_OF_SCOPE: { status: 403, 'zh-CN': '该记录不在您的管辖范围内', 'en-US': 'This record is outside your region or department' },
  CSRF_REJECTED: { status: 403, 'zh-CN': '请求来源不被信任', 'en-US': 'The request origin is not trusted' },
  NOT_FOUND: { status: 404, 'zh-CN': '未找到该记录', 'en-US': 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, 'zh-CN': '接口不存在', 'en-US': 'No such endpoint' },
  CONFLICT: { status: 409, 'zh-CN': '记录已存在或已被修改', 'en-US': 'The record already exists or was changed' },
  DUPLICATE: { status: 409, 'zh-CN': '记录已存在', 'en-US': 'The record already exists' },
  STALE_VERSION: { status: 409, 'zh-CN': '该记录已被他人修改,请刷新后重试', 'en-US': 'Someone else changed this record; reload and try again' },
  IDEMPOTENCY_MISMATCH: { status: 422, 'zh-CN': '同一幂等键对应的请求内容不一致', 'en-US': 'The Idempotency-Key was used with a different request' },
  ROLE_CONFLICT: { status: 422, 'zh-CN': '系统管理员、安全管理员、审计员三员分立,不能由同一账号兼任', 'en-US': 'System admin, security admin and auditor must be separate accounts' },
  IN_USE: { status: 409, 'zh-CN': '该记录仍被使用,不能删除', 'en-US': 'This record is still in use and cannot be deleted' },
  PAYLOAD_TOO_LARGE: { status: 413, 'zh-CN': '文件太大', 'en-US': 'The file is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, 'zh-CN': '不支持的文件类型', 'en-US': 'Unsupported file type' },
  RATE_LIMITED: { status: 429, 'zh-CN': '请求过于频繁,请稍后再试', 'en-US': 'Too many requests; try again later' },
  INTERNAL: { status: 500, 'zh-CN': '系统繁忙,请稍后再试', 'en-US': 'Something went wrong on our side; try again later' },
  UNAVAILABLE: { status: 503, 'zh-CN': '系统正在维护,请稍后再试', 'en-US': 'The service is temporarily unavailable' },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;
export type Locale = 'zh-CN' | 'en-US';
export const locales: readonly Locale[] = ['zh-CN', 'en-US'];

/** A field-level error as carried in problem+json `errors[]`. */
export type FieldError = { field: string; code: string; message: string };

/** RFC 9457 problem details as Zhengtong returns them. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
};

export function errorStatus(code: ErrorCode): number {
  return errorCatalogue[code].status;
}

export function errorTitle(code: ErrorCode, locale: Locale): string {
  return errorCatalogue[code][locale];
}
