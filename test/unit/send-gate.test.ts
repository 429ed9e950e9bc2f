import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/shared/clock.js';
import { SendGate, telegramGateSettings } from '../../src/telegram/send-gate.js';

const start = new Date('2026-12-02T00:00:00Z');

describe('SendGate', () => {
  it('lets 20 messages into a group within a minute and holds the 21st until the first leaves the window', () => {
    const clock = new FixedClock(start);
    const gate = new SendGate(clock);
    for (let i = 0; i < 20; i++) {
      expect(gate.waitFor(-1)).toBe(0);
      gate.reserveGroup(-1);
      clock.advance(1000);
    }
    // the first went at 0 s; now is 20 s: the next place frees at 0 + 61 s
    expect(gate.waitFor(-1)).toBe(41_000);
    expect(gate.waitFor(-2)).toBe(0); // other groups are not affected
    expect(gate.waitFor(42)).toBe(0); // private chats have no window
    clock.advance(41_000);
    expect(gate.waitFor(-1)).toBe(0);
  });

  it('forgets sends a clock stepped back an hour would otherwise keep counting', () => {
    const clock = new FixedClock(start);
    const gate = new SendGate(clock);
    for (let i = 0; i < 20; i++) gate.reserveGroup(-1);
    clock.advance(-3600_000);
    expect(gate.waitFor(-1)).toBe(0);
  });

  it('forgets a 429 block that a clock stepped back would stretch to an hour', () => {
    const clock = new FixedClock(start);
    const gate = new SendGate(clock);
    gate.block(-1, 30);
    clock.advance(-3600_000);
    gate.block(-1, 30); // a new one counts from the new time
    expect(gate.waitFor(-1)).toBe(30_000);
    clock.advance(30_000);
    expect(gate.waitFor(-1)).toBe(0);
    gate.block(-1, 30);
    clock.advance(-3600_000); // a block left over from before the step: forgotten when asked
    expect(gate.waitFor(-1)).toBe(0);
  });

  it('blocks a chat for the retry_after of a 429', () => {
    const clock = new FixedClock(start);
    const gate = new SendGate(clock);
    gate.block(42, 30);
    expect(gate.waitFor(42)).toBe(30_000);
    clock.advance(30_000);
    expect(gate.waitFor(42)).toBe(0);
  });

  it('paces the process at 28 messages a second and refuses a slot further away than asked', () => {
    let now = 0;
    const gate = new SendGate(new FixedClock(start), telegramGateSettings, () => now);
    const waits = Array.from({ length: 29 }, () => gate.reservePace()!);
    expect(waits[0]).toBe(0);
    // 29 slots within the first second at most (Telegram: 30)
    expect(waits.filter((w) => w < 1000)).toHaveLength(29);
    expect(gate.reservePace(500)).toBeNull();
    now = 2000;
    expect(gate.reservePace(0)).toBe(0);
  });
});
