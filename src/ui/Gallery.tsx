/**
 * The lessons: the article examples grouped by article, then the TensorFlow Playground lessons, one row per group
 * (the start screen, and the list under the playground). A card opens its preset (and its URL).
 */
import { ARTICLES, playgroundPresets, presetsOfArticle, type Preset } from '../scenarios/presets';
import { LessonCard } from './LessonCard';

/** The groups in the order they are shown (and their verdicts computed). */
export const LESSON_GROUPS: readonly { id: string; title: string; presets: readonly Preset[] }[] = [
  ...ARTICLES.map((a, i) => ({ id: `article-${i + 1}`, title: `Article ${i + 1} · ${a.topic}`, presets: presetsOfArticle(a.file) })),
  { id: 'playground', title: 'From TensorFlow Playground', presets: playgroundPresets() },
];

/** `heading`: the level of the group titles (h2 on the start screen, h3 under the playground's own heading). */
export function LessonGroups({ heading: Heading = 'h3' }: { heading?: 'h2' | 'h3' }) {
  return (
    <div className="lesson-groups">
      {LESSON_GROUPS.map((g) => (
        <section key={g.id} className="lesson-group" data-testid="lesson-group" data-group={g.id} aria-labelledby={`${g.id}-title`}>
          <Heading id={`${g.id}-title`}>
            {g.title} <span className="group-count">({g.presets.length === 1 ? '1 lesson' : `${g.presets.length} lessons`})</span>
          </Heading>
          <ul className="lesson-cards">
            {g.presets.map((p) => (
              <LessonCard key={p.id} preset={p} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export function Gallery() {
  return (
    <section className="gallery" aria-labelledby="gallery-title">
      <h2 id="gallery-title">All lessons</h2>
      <LessonGroups />
    </section>
  );
}
