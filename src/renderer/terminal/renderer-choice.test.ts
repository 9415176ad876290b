import { describe, expect, it } from 'vitest';
import { chooseRenderer } from './renderer-choice';

const swiftshader = {
  renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
};
const gpu = { renderer: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)' };

describe('chooseRenderer', () => {
  it('auto picks WebGL on a GPU and the DOM renderer on a software rasteriser', () => {
    expect(chooseRenderer('auto', gpu)).toBe('webgl');
    expect(chooseRenderer('auto', swiftshader)).toBe('dom');
    expect(chooseRenderer('auto', { renderer: 'llvmpipe (LLVM 15.0.6, 256 bits)' })).toBe('dom');
  });

  it('falls back to the DOM renderer without WebGL, whatever the setting', () => {
    expect(chooseRenderer('auto', null)).toBe('dom');
    expect(chooseRenderer('webgl', null)).toBe('dom');
  });

  it('honours an explicit choice when WebGL exists', () => {
    expect(chooseRenderer('webgl', swiftshader)).toBe('webgl');
    expect(chooseRenderer('dom', gpu)).toBe('dom');
  });
});
