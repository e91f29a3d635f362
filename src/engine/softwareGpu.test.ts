import { describe, expect, it } from 'vitest';
import { isSoftwareGpu } from './softwareGpu';

describe('isSoftwareGpu', () => {
  it('knows the software rasterisers by the names their drivers report', () => {
    expect(isSoftwareGpu('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
    expect(isSoftwareGpu('google', 'swiftshader')).toBe(true);
    expect(isSoftwareGpu('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareGpu('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)')).toBe(true);
  });

  it('takes hardware GPUs and missing names for what they are', () => {
    expect(isSoftwareGpu('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
    expect(isSoftwareGpu('apple', 'metal-3')).toBe(false);
    expect(isSoftwareGpu('Intel(R) UHD Graphics 620', null, undefined)).toBe(false);
    expect(isSoftwareGpu()).toBe(false);
  });
});
