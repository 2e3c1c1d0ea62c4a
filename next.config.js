/** @type {import('next').NextConfig} */
const nextConfig = {
  // kafkajs and the protocol layer use node:net/tls; keep them out of the bundle.
  serverExternalPackages: ['kafkajs'],
  // Typecheck and lint run in `npm test`; the build does not repeat them.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // A separate build directory lets a second build run beside a served one.
  distDir: process.env.NEXT_DIST_DIR || '.next',
};

module.exports = nextConfig;
