/**
 * Per-installation concurrency across every worker: a sorted set per installation in Redis whose
 * members are the running job ids, scored by the end of their lease. A job is admitted when its
 * installation has fewer than `limit` live leases; a running job renews its lease, a finished one
 * releases it, and a killed worker's lease simply expires. Redis's clock (`TIME`) decides, so
 * replicas with skewed clocks agree.
 *
 * Why not one queue per installation with round-robin workers: the number of queues would follow
 * the number of installations, and every worker would have to discover and poll them all. BullMQ
 * groups (which do exactly this) are BullMQ Pro only. A job that is not admitted goes back to the
 * delayed set for a moment (without spending an attempt), so other installations' jobs behind it run.
 */
import type { Redis } from 'ioredis';
import { KEY_PREFIX } from './jobs.js';

const NOW = "local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)";

const ACQUIRE = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZSCORE', KEYS[1], ARGV[3]) or redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[1]), ARGV[3])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]) * 2)
  return 1
end
return 0`;

const RENEW = `${NOW}
redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[1]), ARGV[2])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]) * 2)
return 1`;

export class InstallationLimiter {
  constructor(
    private readonly redis: Redis,
    readonly limit: number,
    readonly leaseMs = 30_000,
  ) {}

  key(installationId: number): string {
    return `${KEY_PREFIX}:running:${installationId}`;
  }

  async acquire(installationId: number, jobId: string): Promise<boolean> {
    return (await this.redis.eval(ACQUIRE, 1, this.key(installationId), this.leaseMs, this.limit, jobId)) === 1;
  }

  async renew(installationId: number, jobId: string): Promise<void> {
    await this.redis.eval(RENEW, 1, this.key(installationId), this.leaseMs, jobId);
  }

  async release(installationId: number, jobId: string): Promise<void> {
    await this.redis.zrem(this.key(installationId), jobId);
  }

  /** Live leases of an installation (tests, metrics). */
  async running(installationId: number): Promise<number> {
    return this.redis.zcount(this.key(installationId), Date.now(), '+inf');
  }
}
