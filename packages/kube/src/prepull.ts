import { formatDuration, UserError } from '@llmops/core';
import type { KubeObject } from './objects';
import { repository, watchUntil, type WaitOptions } from './workload';
import type { Writer } from './writer';

/** The image pre-pulled on every node the DaemonSet runs on, and how long the nodes took. */
export interface PrepullResult {
  daemonSet: string;
  image: string;
  nodes: number;
  durationMs: number;
}

interface PodSpec {
  initContainers?: Array<{ name: string; image?: string }>;
  containers?: Array<{ name: string; image?: string }>;
}

/**
 * The container of the pre-puller that holds the serving image: the one (init or not) running the
 * same repository, else the only one. A pre-puller pulls in an init container and idles in a
 * pause container, so "the first" would pick the wrong one.
 */
function prepullContainer(ds: KubeObject, image: string): { path: string; name: string; image?: string } {
  const spec = ((ds.spec?.template as { spec?: PodSpec } | undefined)?.spec ?? {}) as PodSpec;
  const lists = [
    ['initContainers', spec.initContainers ?? []],
    ['containers', spec.containers ?? []],
  ] as const;
  for (const [field, list] of lists) {
    const i = list.findIndex((c) => c.image && repository(c.image) === repository(image));
    if (i >= 0)
      return { path: `/spec/template/spec/${field}/${i}`, name: list[i]!.name, image: list[i]!.image };
  }
  const all = lists.flatMap(([field, list]) => list.map((c, i) => ({ field, c, i })));
  if (all.length === 1) {
    const { field, c, i } = all[0]!;
    return { path: `/spec/template/spec/${field}/${i}`, name: c.name, image: c.image };
  }
  throw new UserError(
    `input 'prepull': DaemonSet ${ds.metadata.name} has no container running ${repository(image)} (it has ${all.map(({ c }) => `${c.name}: ${c.image}`).join(', ') || 'none'}): give its pull container that image's repository`,
  );
}

interface DaemonSetStatus {
  observedGeneration?: number;
  desiredNumberScheduled?: number;
  updatedNumberScheduled?: number;
  numberReady?: number;
}

/**
 * Point the pre-puller DaemonSet at `image` and wait (watching it) until its pod on every node
 * runs the new template and is ready: the image is then on every node the canary may land on.
 */
export async function prepull(
  writer: Writer,
  name: string,
  image: string,
  wait: WaitOptions,
): Promise<PrepullResult> {
  const ds = await writer.get('DaemonSet', name);
  const target = prepullContainer(ds, image);
  if (target.image !== image)
    await writer.patchFields(
      'DaemonSet',
      name,
      [
        { op: 'test', path: `${target.path}/name`, value: target.name },
        { op: 'replace', path: `${target.path}/image`, value: image },
      ],
      `pre-pull ${image} on every node`,
      [{ field: `spec.template.spec[${target.name}].image`, from: target.image, to: image }],
    );
  const label = `DaemonSet ${writer.namespace}/${name}`;
  if (writer.dryRun) {
    wait.log(`[dry-run] would wait for ${label} to pull ${image} on every node`);
    return { daemonSet: name, image, nodes: 0, durationMs: 0 };
  }
  const started = wait.clock.now();
  let nodes = 0;
  let progress = '';
  await watchUntil(
    writer,
    'DaemonSet',
    name,
    wait,
    (object, elapsed) => {
      const st = (object.status ?? {}) as DaemonSetStatus;
      const want = st.desiredNumberScheduled ?? 0;
      const observed = (st.observedGeneration ?? 0) >= (object.metadata.generation ?? 0);
      nodes = want;
      const line = `${st.updatedNumberScheduled ?? 0} of ${want} nodes updated, ${st.numberReady ?? 0} ready`;
      if (observed && (st.updatedNumberScheduled ?? 0) >= want && (st.numberReady ?? 0) >= want) return true;
      if (line !== progress)
        wait.log(`pre-pulling ${image} with ${label}: ${line} (${formatDuration(elapsed)})`);
      progress = line;
      return false;
    },
    () =>
      new UserError(
        `${label} did not pull ${image} on every node within ${formatDuration(wait.timeoutMs)} (input 'timeout'): ${progress}`,
      ),
  );
  const durationMs = wait.clock.now() - started;
  if (nodes === 0) wait.log(`${label} runs on no node: nothing was pre-pulled`);
  else wait.log(`${label}: ${image} pulled on ${nodes} node(s) in ${formatDuration(durationMs)}`);
  return { daemonSet: name, image, nodes, durationMs };
}
