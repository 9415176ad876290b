// Can this page draw with WebGL2, and on what? Asked once per page; the answer decides the "auto"
// renderer (renderer-choice.ts).
import type { GlProbe } from './renderer-choice';

let cached: GlProbe | null | undefined;

export function probeWebgl(): GlProbe | null {
  if (cached !== undefined) return cached;
  cached = null;
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (gl) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      const renderer = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
      cached = { renderer: typeof renderer === 'string' ? renderer : '' };
      // Give the context back at once: Chromium allows only 16 per page and terminals need them.
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    cached = null;
  }
  return cached;
}
