/**
 * What the worker's Content-Security-Policy lets it do, tried from inside: evaluate a string as
 * code, and fetch from another origin. The page asks for it from a test hook; the answer names the
 * directive that refused each, as the browser reported it, so a test can tell a refusal by the
 * policy from a network that is simply not there.
 */

/** "refused (…)" with the reason, or "allowed". */
export interface SandboxReport {
  eval: string;
  fetch: string;
}

/** Violations the browser reports in this worker, by blocked URL ("eval" for code from strings). */
function violations(): { seen: Map<string, string>; stop(): void } {
  const seen = new Map<string, string>();
  const onViolation = (e: SecurityPolicyViolationEvent): void => void seen.set(e.blockedURI, e.effectiveDirective);
  self.addEventListener('securitypolicyviolation', onViolation);
  return { seen, stop: () => self.removeEventListener('securitypolicyviolation', onViolation) };
}

function tryEval(): string {
  try {
    // The string is a constant: this asks the policy, it runs nothing of anyone's.
    const value: unknown = (0, eval)('6 * 7');
    return value === 42 ? 'allowed' : 'allowed (with an unexpected value)';
  } catch (e) {
    return `refused (${e instanceof Error ? `${e.name}: ${e.message}` : String(e)})`;
  }
}

async function tryFetch(url: string, seen: Map<string, string>): Promise<string> {
  try {
    // no-cors: a cross-origin answer is opaque but arrives, so only a policy (or no network) stops it.
    await fetch(url, { mode: 'no-cors', cache: 'no-store' });
    return 'allowed';
  } catch (e) {
    // The violation event may come a task after the rejection.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const directive = [...seen.entries()].find(([blocked]) => url.startsWith(blocked) || blocked.startsWith(new URL(url).origin))?.[1];
    return directive ? `refused by the policy's ${directive}` : `failed without a policy violation (${e instanceof Error ? e.message : String(e)})`;
  }
}

/** Try both, in this worker. */
export async function probeSandbox(crossOriginUrl: string): Promise<SandboxReport> {
  const watch = violations();
  try {
    const evalResult = tryEval();
    return { eval: evalResult, fetch: await tryFetch(crossOriginUrl, watch.seen) };
  } finally {
    watch.stop();
  }
}
