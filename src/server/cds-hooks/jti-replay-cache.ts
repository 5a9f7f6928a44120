/**
 * The `jti` of every token accepted and not yet expired, bounded. When it is full of live
 * entries a new token is refused rather than an old entry forgotten: forgetting would let that
 * token be replayed. With five-minute tokens the default bound allows over 30 calls a second.
 */
export class JtiReplayCache {
  private readonly expiries = new Map<string, number>();

  constructor(private readonly capacity: number) {}

  claim(id: string, expiresAt: number, now: number): 'new' | 'replayed' | 'full' {
    const known = this.expiries.get(id);
    if (known !== undefined && known > now) return 'replayed';
    if (this.expiries.size >= this.capacity) this.sweep(now);
    if (this.expiries.size >= this.capacity) return 'full';
    this.expiries.set(id, expiresAt);
    return 'new';
  }

  get size(): number {
    return this.expiries.size;
  }

  private sweep(now: number): void {
    for (const [id, expiresAt] of this.expiries) if (expiresAt <= now) this.expiries.delete(id);
  }
}
