// Image references: what runs should be the same image every time a pod starts.
import { str } from '../../../k8s/objectAccess';
import { t } from '../../../util/l10n';
import type { LintRule } from '../lintRule';
import { POD_KINDS } from './kinds';

interface ImageRef {
  tag?: string;
  digest?: string;
}

/** `registry:5000/team/app:1.2@sha256:…` → tag and digest. A colon before the last `/` is a registry port, not a tag. */
function parseImage(image: string): ImageRef {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const rest = at >= 0 ? image.slice(0, at) : image;
  const colon = rest.lastIndexOf(':');
  const tag = colon > rest.lastIndexOf('/') ? rest.slice(colon + 1) : undefined;
  return { tag, digest };
}

/** Image strings we cannot judge: empty, filled in later by a tool (`$(VAR)`, `${VAR}`), or a `<placeholder>`. */
function opaque(image: string): boolean {
  return image.trim() === '' || /\$[({]|[<>]/.test(image);
}

export const imageRules: LintRule[] = [
  {
    id: 'image-latest-tag',
    family: 'images',
    severity: 'warning',
    enabledByDefault: true,
    kinds: POD_KINDS,
    check(m, report) {
      for (const c of m.containers(true)) {
        const image = str(c.value.image);
        if (!image || opaque(image)) continue;
        const ref = parseImage(image);
        if (ref.digest) continue;
        if (ref.tag === undefined) {
          report.at(
            [...c.path, 'image'],
            'value',
            t(
              'Image "{0}" has no tag, so it means :latest: each node may pull a different version, and you cannot tell which one runs or roll back to it. Pin a version, e.g. {0}:1.2.3.',
              image,
            ),
          );
        } else if (ref.tag === 'latest') {
          report.at(
            [...c.path, 'image'],
            'value',
            t(
              'Image "{0}" uses the :latest tag: each node may pull a different version, and you cannot tell which one runs or roll back to it. Pin a version tag.',
              image,
            ),
          );
        }
      }
    },
  },
  {
    // A digest names exactly one image, so pulling again on every start only adds start-up
    // time and a dependency on the registry.
    id: 'pull-always-with-digest',
    family: 'images',
    severity: 'information',
    enabledByDefault: true,
    kinds: POD_KINDS,
    check(m, report) {
      for (const c of m.containers(true)) {
        const image = str(c.value.image);
        if (!image || c.value.imagePullPolicy !== 'Always' || !parseImage(image).digest) continue;
        report.at(
          [...c.path, 'imagePullPolicy'],
          'value',
          t('imagePullPolicy: Always on an image pinned by digest asks the registry again at every start for an image that cannot change. Use IfNotPresent.'),
          { replacement: 'IfNotPresent' },
        );
      }
    },
  },
  {
    id: 'image-no-digest',
    family: 'images',
    severity: 'information',
    enabledByDefault: false,
    kinds: POD_KINDS,
    check(m, report) {
      for (const c of m.containers(true)) {
        const image = str(c.value.image);
        if (!image || opaque(image) || parseImage(image).digest) continue;
        report.at(
          [...c.path, 'image'],
          'value',
          t('Image "{0}" is not pinned by digest: a tag can be moved to another image. Add @sha256:… to run exactly the image you tested.', image),
        );
      }
    },
  },
];
