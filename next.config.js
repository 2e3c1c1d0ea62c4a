/** @type {import('next').NextConfig} */
const nextConfig = {
  // kafkajs and the protocol layer use node:net/tls; keep them out of the bundle.
  serverExternalPackages: ['kafkajs'],
  // Typecheck and lint run in `npm test`; the build does not repeat them.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
};

module.exports = nextConfig;
