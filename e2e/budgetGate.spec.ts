// Links whose values the schema accepts but which no browser tab can train (a U-Net on 100,000
// images, an 8×256 MLP at batch 100000, a 128×128 U-Net on WebGL): the page refuses each before the
// worker allocates anything, names the fields that drive the cost, and offers the nearest scenario
// that fits with room to spare, which one click trains: its steps arrive within seconds.
import { test, expect } from './fixtures';
import { PlaygroundPage } from './pages/PlaygroundPage';

const WIDE = 'data=synthetic&n=100000&feat=256&hidden=256,256,256,256,256,256,256,256&batch=100000';
const LINKS: { name: string; query: string }[] = [
  { name: 'U-Net on 100,000 images of 128×128', query: 'model=unet&data=shapes&loss=bceLogits&n=100000&img=128&depth=3&filters=32&batch=100000&steps=100000' },
  { name: '8×256 MLP at batch 100000', query: `model=mlp&${WIDE}` },
  { name: 'the same classifier on cpu', query: `model=classifier&${WIDE}&be=cpu` },
  { name: 'the same autoencoder on wasm', query: `model=autoencoder&${WIDE}&be=wasm` },
  { name: '128×128 U-Net, 64 images in one batch, on WebGL', query: 'model=unet&data=shapes&loss=bceLogits&img=128&depth=3&filters=32&n=64&batch=0&be=webgl' },
];

for (const link of LINKS) {
  test(`refused before training, with the fields and a smaller variant that trains: ${link.name}`, async ({ page, pageLog }) => {
    const app = new PlaygroundPage(page);
    await app.open(link.query);
    const refusal = app.budgetRefusal();
    await expect(refusal).toBeVisible();
    const message = (await refusal.textContent()) ?? '';
    const fields = (await refusal.getAttribute('data-fields')) ?? '';
    console.log(`${link.query}\n  backend ${(await app.state()).backend?.active}: ${message}`);
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields.split(',')) expect(message).toContain(field);
    // Nothing was built: no model declared, no step, no tensor of the run in the worker.
    const s = await app.state();
    expect(s.refusal?.smaller).not.toBeNull();
    expect([s.step, s.losses.length, s.parameters.length]).toEqual([0, 0, 0]);
    expect(await app.tensorCount()).toBe(0);
    // Play says why instead of starting.
    await app.playButton.click();
    await expect(app.notice).toContainText('This scenario was not started');
    expect((await app.state()).step).toBe(0);

    const variant = page.getByTestId('smaller-variant');
    console.log(`  ${await variant.textContent()}`);
    await variant.click();
    await expect(refusal).toHaveCount(0);
    await expect.poll(async () => (await app.state()).parameters.length, { timeout: 60_000 }).toBeGreaterThan(0);
    // It trains, not just starts: the offer aims at a step of about a second here, so a step ends within seconds
    // (the wide MLPs at lr 0.01 then go non-finite in their first step: a flag is a result, an error is not).
    await expect.poll(async () => (await app.state()).step, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
    const trained = await app.state();
    console.log(`  step ${trained.step}, ${trained.running ? 'running' : `stopped: ${trained.stopReason}`}`);
    expect(trained.stopReason === null || trained.stopReason === 'flagged').toBe(true);
    expect(page.url()).not.toContain('batch=100000');
    expect(pageLog.errors).toEqual([]);
  });
}
