/** Word lists the generator combines into realistic glossary terms, code and prose. */

export const MODIFIERS = `adaptive async atomic batched binary blocking bounded cached canonical circular cold columnar
composite concurrent consistent cyclic declarative deferred dense derived deterministic distributed durable dynamic eager
elastic encrypted ephemeral eventual exclusive external fair federated fixed global graceful greedy hashed hierarchical hot
idempotent immutable imperative implicit incremental indexed inline internal isolated lazy layered leaky linear local
logical lossless lossy managed monotonic mutable native nested optimistic ordered orphaned parallel partial partitioned
passive persistent pessimistic physical pluggable primary private probabilistic public pure reactive recursive redundant
reentrant remote replicated resilient reverse rolling scalable secondary semantic sequential serial shadow shared sharded
soft sparse stale stateful stateless static sticky strict strong structural synchronous transient transactional typed
unbounded virtual volatile warm weak`.split(/\s+/);

export const NOUNS = `access address adapter agent alert allocation allocator anchor archive array assertion backlog backoff
backup balancer barrier benchmark bitmap block branch broker buffer bucket build bundle cache callback canary channel
checkpoint checksum circuit claim clock cluster commit compaction compiler component connection consensus consumer
container context contract cookie coroutine counter cursor daemon dashboard deadlock dependency deployment descriptor
digest directory dispatch domain driver encoding endpoint entity event exception executor exporter failover feature fence
fiber field filter fixture flag fork frame function gateway generator graph guard handle handler hash header heap
heartbeat hook identifier image index inheritance injection instance interface interrupt invariant iterator journal
kernel key label latency lease ledger library lifecycle limiter link listener loader lock log loop manifest mapping
memory merge message metric middleware migration mirror module monitor mutex namespace node notification object offset
operator package page parser partition patch payload pipeline pointer policy pool port predicate process producer
profile promise property protocol proxy query queue quota range rebase record reducer reference region registry release
replica repository request resolver resource response retry revision role rollback route router runtime sandbox
scheduler schema scope segment selector semaphore serializer server service session shard signal snapshot socket span
stack state storage stream subscriber switch symbol table tenant thread throttle ticket timeout token topic trace
transaction tree trigger tuple type upgrade validator value variable vector version view volume watcher window worker
workflow workspace`.split(/\s+/);

export const HEADS = `pattern protocol strategy algorithm model layer manager table tree engine policy principle architecture
format store graph queue cache filter service testing analysis injection allocation isolation scheduling replication
invalidation compression resolution propagation serialization validation migration rotation sampling tracing profiling
hashing locking balancing routing throttling streaming`.split(/\s+/);

/** People whose names appear in real terms ("Lamport Clock", "Conway's Law"). */
export const PEOPLE = `Lamport Knuth Dijkstra Bloom Merkle Fenwick Bellman Kruskal Tarjan Nagle Hoare Liskov Conway Amdahl
Brooks Postel Hyrum Kerckhoffs Floyd Huffman Karp Rabin Boyer Moore Cooley Fowler Beck Hickey Pike`.split(/\s+/);

/** Names with non-ASCII letters, as in "Gödel Numbering" or "Bézier Curve". */
export const PEOPLE_NON_ASCII = `Gödel Möbius Erdős Schrödinger Poincaré Bézier Fréchet Łukasiewicz Hölder Lévy Gauß Ångström
Dvořák Šimon Müller Jäger`.split(/\s+/);

/** Translations used as aliases of single-word terms, as multilingual glossaries do. */
export const TRANSLATIONS: Readonly<Record<string, string>> = {
  cache: 'Zwischenspeicher',
  queue: "File d'attente",
  lock: 'Verrou',
  thread: "Fil d'exécution",
  tree: 'Árbol',
  index: 'Índice',
  heap: 'Tas mémoire',
  token: 'Jeton',
  schema: 'Schéma',
  session: 'Sitzung',
  stream: 'Flux de données',
  kernel: 'Noyau',
  router: 'Routeur',
  library: 'Bibliothèque',
  workspace: 'Espace de travail',
  cluster: 'Grappe de serveurs',
};

export const VERBS = `tracks stores routes schedules validates caches replicates serializes compresses partitions locks retries
buffers indexes resolves merges publishes consumes throttles isolates batches signs encrypts shards snapshots
rebalances evicts prefetches reconciles`.split(/\s+/);

export const SECTIONS = `Networking;Storage;Concurrency;Distributed Systems;Databases;Security;Testing;Build and Release;
Observability;Compilers;Operating Systems;Data Structures;Algorithms;Web Development;Messaging;Cloud Infrastructure;
Version Control;Architecture;Performance;Machine Learning;User Interface;Accessibility;Internationalization;
Reliability;Payments;Identity and Access`.split(/;\s*/);

/** Words code uses that are not glossary terms. */
export const GENERIC = `get set handle create update delete find load save build parse render apply check reset init
compute resolve fetch emit flush close open read write send`.split(/\s+/);

export const LOCALS = `result items options config ctx value count i j n data entry entries list map key keys next prev
error err response request opts args payload buffer output input state`.split(/\s+/);

export const TAGS = `web storage concurrency security testing infra data api performance reliability git ops`.split(/\s+/);
