import { describe, expect, it } from 'vitest';
import { FINITE_COLOUR, stepColour, stepShare, textOn, viridis } from './mapColours';

describe('map colours', () => {
  it('viridis from dark purple to yellow, through its stops', () => {
    expect([viridis(0), viridis(0.5), viridis(1)]).toEqual(['#440154', '#21918c', '#fde725']);
    expect(viridis(-1)).toBe('#440154');
    expect(viridis(Number.NaN)).toBe('#440154');
  });

  it('places steps by decades: step 1 at the dark end, the last step at the light end', () => {
    expect(stepShare(1, 50)).toBe(0);
    expect(stepShare(50, 50)).toBe(1);
    expect(stepShare(7, 50)).toBeCloseTo(Math.log(7) / Math.log(50));
    expect(stepColour(1, 1)).toBe('#440154');
  });

  it('keeps "finite throughout" off the scale, and labels in the colour that reads', () => {
    for (let t = 0; t <= 1; t += 0.125) expect(viridis(t)).not.toBe(FINITE_COLOUR);
    expect([textOn('#440154'), textOn('#fde725'), textOn(FINITE_COLOUR)]).toEqual(['#ffffff', '#000000', '#000000']);
  });
});
