// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. Shapes carry the
// meaning as well (markers differ by shape, lines by dash), so colour is never the only cue.
export const COLORS = {
  loss: '#0072B2',
  lossRaw: '#56B4E9',
  compare: '#E69F00',
  nan: '#D55E00',
  posInf: '#CC79A7',
  negInf: '#009E73',
  flag: '#D55E00',
  grid: '#d9d9d9',
  text: '#222',
};

/** Line colours for per-parameter series, cycled. */
export const SERIES_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#000000', '#F0E442'];
/** Dash patterns cycled alongside the colours, so lines differ by more than hue. */
export const SERIES_DASHES = ['', '6 3', '2 2', '8 3 2 3', '1 3', '10 4'];
