FROM node:20-bookworm-slim
LABEL org.opencontainers.image.description="Base for our front-end apps"
ENV NODE_ENV=production \
    YARN_VERSION=1.22.22
WORKDIR /usr/src/app
onbuild COPY package.json yarn.lock ./
ONBUILD RUN yarn install --frozen-lockfile && yarn cache clean
ONBUILD COPY . .
HEALTHCHECK --interval=30s --timeout=3s \
  CMD node healthcheck.js || exit 1
CMD [ "node", "server.js" ]
