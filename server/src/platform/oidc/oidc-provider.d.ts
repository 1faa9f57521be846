// The part of oidc-provider 9's API that Zhengtong uses (the package ships no types; @types/oidc-provider is not
// installed). Shapes follow node_modules/oidc-provider/lib; keep this in step when upgrading.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type AdapterPayload = {
    [key: string]: unknown;
    accountId?: string;
    grantId?: string;
    userCode?: string;
    uid?: string;
    consumed?: number;
    iat?: number;
    exp?: number;
  };

  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn: number | undefined): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export type ClientMetadata = { client_id: string; [key: string]: unknown };

  export type Client = {
    clientId: string;
    clientName?: string;
    clientAuthMethod: string;
    redirectUris: string[];
  };

  export type Session = { accountId?: string; uid: string; state?: { secret?: string; clientId?: string; [key: string]: unknown } };

  export type OIDCContext = {
    route: string;
    params?: Record<string, unknown>;
    body?: Record<string, unknown>;
    client?: Client;
    session?: Session;
    entities: { AuthorizationCode?: { scope?: string; grantId?: string }; [name: string]: unknown };
    urlFor(name: string, options?: Record<string, unknown>): string;
  };

  export type CookieOptions = { path?: string; httpOnly?: boolean; sameSite?: 'lax' | 'strict' | 'none'; secure?: boolean; signed?: boolean; maxAge?: number };

  export type KoaContextWithOIDC = {
    req: IncomingMessage;
    res: ServerResponse;
    method: string;
    path: string;
    host: string;
    status: number;
    type: string;
    body: unknown;
    oidc?: OIDCContext;
    get(header: string): string;
    cookies: { get(name: string, options?: CookieOptions): string | undefined; set(name: string, value: string | null, options?: CookieOptions): void };
  };

  export type Next = () => Promise<void>;

  export type ClaimsResult = { sub: string; [claim: string]: unknown };
  export type Account = {
    accountId: string;
    claims(use: string, scope: string, claims: Record<string, unknown>, rejected: string[]): Promise<ClaimsResult> | ClaimsResult;
  };
  export type TokenLike = { iat?: number; clientId?: string };

  export type ErrorOut = { error: string; error_description?: string; state?: string; [key: string]: unknown };

  export type Interaction = {
    uid: string;
    returnTo: string;
    prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
    params: Record<string, unknown>;
    session?: { accountId?: string; uid?: string };
    grantId?: string;
    exp: number;
  };

  export type InteractionResults = {
    login?: { accountId: string; ts?: number; amr?: string[]; acr?: string; remember?: boolean };
    consent?: { grantId: string };
    error?: string;
    error_description?: string;
  };

  export class Check {
    static REQUEST_PROMPT: true;
    static NO_NEED_TO_PROMPT: false;
    constructor(reason: string, description: string, error: string, check: (ctx: KoaContextWithOIDC) => boolean | Promise<boolean>);
    constructor(reason: string, description: string, check: (ctx: KoaContextWithOIDC) => boolean | Promise<boolean>);
  }

  export type Prompt = { name: string; checks: Check[] & { add(check: Check, index?: number): void } };
  export type Policy = Prompt[] & { get(name: string): Prompt | undefined };

  export const interactionPolicy: { base(): Policy; Check: typeof Check };

  export type GrantInstance = {
    jti: string;
    accountId: string;
    clientId: string;
    addOIDCScope(scope: string | string[]): void;
    save(): Promise<string>;
  };
  export type GrantModel = {
    new (properties: { accountId: string; clientId: string }): GrantInstance;
    find(id: string): Promise<GrantInstance | undefined>;
  };

  export type JWK = { kty: string; kid?: string; alg?: string; use?: string; [key: string]: unknown };

  export type Configuration = {
    adapter: (name: string) => Adapter;
    findAccount: (ctx: KoaContextWithOIDC, sub: string, token?: TokenLike) => Promise<Account | undefined>;
    jwks: { keys: JWK[] };
    cookies: {
      keys: string[];
      names: { session: string; interaction: string; resume: string };
      long: CookieOptions;
      short: CookieOptions;
    };
    claims: Record<string, readonly string[] | null>;
    scopes: string[];
    responseTypes: string[];
    clientDefaults: Record<string, unknown>;
    clientAuthMethods: string[];
    enabledJWA: Record<string, string[]>;
    pkce: { required: (ctx: KoaContextWithOIDC, client: Client) => boolean };
    features: Record<string, Record<string, unknown>>;
    interactions: { policy: Policy; url: (ctx: KoaContextWithOIDC, interaction: Interaction) => Promise<string> | string };
    conformIdTokenClaims: boolean;
    ttl: Record<string, number>;
    renderError: (ctx: KoaContextWithOIDC, out: ErrorOut, error: Error) => Promise<void>;
    clientBasedCORS: (ctx: KoaContextWithOIDC, origin: string, client: Client) => boolean;
    discovery: Record<string, unknown>;
  };

  export class Provider {
    constructor(issuer: string, configuration: Partial<Configuration>);
    readonly issuer: string;
    proxy: boolean;
    readonly Grant: GrantModel;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    use(middleware: (ctx: KoaContextWithOIDC, next: Next) => Promise<void>): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionResult(req: IncomingMessage, res: ServerResponse, result: InteractionResults, options?: { mergeWithLastSubmission?: boolean }): Promise<string>;
  }

  export const errors: { SessionNotFound: new (...args: unknown[]) => Error; OIDCProviderError: new (...args: unknown[]) => Error & { error: string; error_description?: string; status: number } };

  export default Provider;
}
