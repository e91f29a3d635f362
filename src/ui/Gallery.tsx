/** The article examples as cards, grouped by article, then the TensorFlow Playground lessons; a card opens its preset (and its URL). */
import { encodeScenario } from '../scenarios/codec';
import { ARTICLES, playgroundPresets, presetScenario, presetsOfArticle, type Preset } from '../scenarios/presets';
import { usePlayground } from './context';

function Card({ preset }: { preset: Preset }) {
  const { actions } = usePlayground();
  const href = `?${encodeScenario(presetScenario(preset), { preset: preset.id })}`;
  const role = preset.pair?.role;
  return (
    <li className={`card ${role ?? ''}`}>
      <a
        href={href}
        data-testid="preset-card"
        data-preset={preset.id}
        onClick={(e) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return; // let "open in new tab" work
          e.preventDefault();
          actions.setScenario(presetScenario(preset), { push: true, preset: preset.id });
          actions.notify(`Opened “${preset.title}”. Press Play (or Space).`);
          window.scrollTo({ top: 0, behavior: 'smooth' });
        }}
      >
        <span className="card-title">{preset.title}</span>
        {role && <span className={`badge ${role === 'broken' ? 'flag' : ''}`}>{role === 'broken' ? 'breaks' : 'fixed'}</span>}
      </a>
      <p className="claim">{preset.claim.statement}</p>
    </li>
  );
}

export function Gallery() {
  return (
    <section className="gallery" aria-labelledby="gallery-title">
      <h2 id="gallery-title">Examples from the articles</h2>
      <div className="articles">
        {ARTICLES.map((a) => (
          <article key={a.file} className="panel article">
            <h3>{a.topic}</h3>
            <ul className="cards">
              {presetsOfArticle(a.file).map((p) => (
                <Card key={p.id} preset={p} />
              ))}
            </ul>
          </article>
        ))}
        <article className="panel article">
          <h3>From TensorFlow Playground</h3>
          <ul className="cards">
            {playgroundPresets().map((p) => (
              <Card key={p.id} preset={p} />
            ))}
          </ul>
        </article>
      </div>
    </section>
  );
}
