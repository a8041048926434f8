/**
 * Unwrapped data keys by id, least recently used dropped first, so memory stays bounded however many
 * responses are open. A dropped key is not zeroed: a seal that fetched it a moment ago may still be using it.
 */
export class KeyCache {
  private readonly keys = new Map<string, Buffer>();

  constructor(private readonly capacity: number) {}

  get(id: string): Buffer | undefined {
    const key = this.keys.get(id);
    if (key) {
      this.keys.delete(id);
      this.keys.set(id, key);
    }
    return key;
  }

  set(id: string, key: Buffer): void {
    this.keys.delete(id);
    this.keys.set(id, key);
    while (this.keys.size > this.capacity) {
      this.keys.delete(this.keys.keys().next().value as string);
    }
  }

  get size(): number {
    return this.keys.size;
  }
}
