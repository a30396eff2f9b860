// Image references: what runs should be the same image every time a pod starts.
import { parseImageReference } from '../../../k8s/imageReference';
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

/**
 * The same reference with the repository name in lower case (tag and digest kept: tags may hold
 * capitals), when that is a valid reference on Docker Hub or the same registry.
 */
function lowercaseName(image: string): string | undefined {
  const at = image.indexOf('@');
  const beforeDigest = at >= 0 ? image.slice(0, at) : image;
  const colon = beforeDigest.lastIndexOf(':');
  const cut = colon > beforeDigest.lastIndexOf('/') ? colon : beforeDigest.length;
  const fixed = image.slice(0, cut).toLowerCase() + image.slice(cut);
  return fixed !== image && parseImageReference(fixed).ok ? fixed : undefined;
}

/** Images the other rules judge: set, not filled in later, and a reference the kubelet can parse. */
function judged(image: string | undefined): image is string {
  return !!image && !opaque(image) && parseImageReference(image).ok;
}

export const imageRules: LintRule[] = [
  {
    // The API server stores any image string; the kubelet parses it before the pull and keeps the
    // container waiting with InvalidImageName (the simulator does the same, with the same cause).
    id: 'invalid-image-reference',
    family: 'images',
    severity: 'error',
    enabledByDefault: true,
    kinds: POD_KINDS,
    check(m, report) {
      for (const c of m.containers(true)) {
        const image = str(c.value.image);
        if (!image || opaque(image)) continue;
        const parsed = parseImageReference(image);
        if (parsed.ok) continue;
        const fixed = lowercaseName(image);
        report.at(
          [...c.path, 'image'],
          'value',
          fixed
            ? t(
                'Image "{0}" is not a valid image reference ({1}): the kubelet cannot pull it and the container stays in InvalidImageName. Image names are lower case: {2}.',
                image,
                parsed.error,
                fixed,
              )
            : t(
                'Image "{0}" is not a valid image reference ({1}): the kubelet cannot pull it and the container stays in InvalidImageName. The form is [registry/]name[:tag][@sha256:digest].',
                image,
                parsed.error,
              ),
          fixed ? { replacement: fixed } : undefined,
        );
      }
    },
  },
  {
    id: 'image-latest-tag',
    family: 'images',
    severity: 'warning',
    enabledByDefault: true,
    kinds: POD_KINDS,
    check(m, report) {
      for (const c of m.containers(true)) {
        const image = str(c.value.image);
        if (!judged(image)) continue;
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
        if (!judged(image) || c.value.imagePullPolicy !== 'Always' || !parseImage(image).digest) continue;
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
        if (!judged(image) || parseImage(image).digest) continue;
        report.at(
          [...c.path, 'image'],
          'value',
          t('Image "{0}" is not pinned by digest: a tag can be moved to another image. Add @sha256:… to run exactly the image you tested.', image),
        );
      }
    },
  },
];
