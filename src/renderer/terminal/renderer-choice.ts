// Which xterm renderer a tab uses. WebGL is the fast path on a real GPU; a software rasteriser
// (SwiftShader, llvmpipe — headless Chromium, VMs) is slower than xterm's DOM renderer, so "auto"
// only picks WebGL on hardware. "webgl" forces it wherever a context exists.
import type { Settings } from '../../shared/settings';

export type RendererKind = 'webgl' | 'dom';

/** What the page could learn about WebGL: null when no WebGL2 context can be made. */
export interface GlProbe {
  renderer: string;
}

const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i;

export function chooseRenderer(setting: Settings['renderer'], probe: GlProbe | null): RendererKind {
  if (setting === 'dom' || probe === null) return 'dom';
  if (setting === 'webgl') return 'webgl';
  return SOFTWARE_GL.test(probe.renderer) ? 'dom' : 'webgl';
}
