// robots.txt, fetched once per origin and cached for a while. Parsing by `robots-parser` (Google's rules:
// longest match wins, Allow beats Disallow on a tie, `*` and `$` wildcards).
import robotsParserModule from 'robots-parser';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
}
type Parse = (url: string, contents: string) => Robot;
// A CommonJS module whose typings claim an ES default export: accept either shape at run time.
const m = robotsParserModule as unknown as Parse | { default: Parse };
const robotsParser: Parse = typeof m === 'function' ? m : m.default;

export interface RobotsFetchResult {
  status: number;
  body: string;
}

export class RobotsCache {
  private readonly entries = new Map<string, { robot: Robot | null; expires: number }>();
  private readonly inflight = new Map<string, Promise<Robot | null>>();

  constructor(
    private readonly fetchRobots: (robotsUrl: string, signal?: AbortSignal) => Promise<RobotsFetchResult>,
    private readonly userAgentToken: string,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** true when the URL may be fetched. Throws what fetchRobots throws (a robots.txt that errors is not "allowed"). */
  async isAllowed(url: string, signal?: AbortSignal): Promise<boolean> {
    const origin = new URL(url).origin;
    const cached = this.entries.get(origin);
    let robot: Robot | null;
    if (cached && cached.expires > this.now()) {
      robot = cached.robot;
    } else {
      let p = this.inflight.get(origin);
      if (!p) {
        p = this.load(origin, signal).finally(() => this.inflight.delete(origin));
        this.inflight.set(origin, p);
      }
      robot = await p;
    }
    if (!robot) return true;
    return robot.isAllowed(url, this.userAgentToken) !== false;
  }

  private async load(origin: string, signal?: AbortSignal): Promise<Robot | null> {
    const robotsUrl = `${origin}/robots.txt`;
    const res = await this.fetchRobots(robotsUrl, signal);
    // 2xx: parse. 4xx (404, 410, even 401/403): no rules — allowed, as Google and RFC 9309 do.
    // 5xx and network errors make fetchRobots throw: the poll fails and is retried next tick.
    const robot = res.status >= 200 && res.status < 300 ? robotsParser(robotsUrl, res.body) : null;
    this.entries.set(origin, { robot, expires: this.now() + this.ttlMs });
    return robot;
  }
}

/** "PracticeWatch/0.1 (+https://…)" → "PracticeWatch": the token robots.txt groups are matched against. */
export function userAgentToken(userAgent: string): string {
  return userAgent.match(/^[^\s/]+/)?.[0] ?? userAgent;
}
