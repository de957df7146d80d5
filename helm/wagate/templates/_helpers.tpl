{{/* Names and labels */}}

{{- define "wagate.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "wagate.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* The name of one service's objects: <fullname>-<service>. Args: root, service. */}}
{{- define "wagate.componentName" -}}
{{- printf "%s-%s" (include "wagate.fullname" .root | trunc 47 | trimSuffix "-") .service }}
{{- end }}

{{- define "wagate.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ include "wagate.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: wagate
{{- end }}

{{/* Args: root, service. */}}
{{- define "wagate.selectorLabels" -}}
app.kubernetes.io/name: {{ include "wagate.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .service }}
{{- end }}

{{/* Args: root, service. */}}
{{- define "wagate.componentLabels" -}}
{{ include "wagate.labels" .root }}
app.kubernetes.io/component: {{ .service }}
{{- end }}

{{- define "wagate.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "wagate.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* <registry>/<repository>/<service>:<tag>, or the service's own full repository. Args: root, service, values. */}}
{{- define "wagate.image" -}}
{{- $image := .root.Values.image }}
{{- $repository := .values.image.repository }}
{{- if not $repository }}
{{- $repository = printf "%s/%s" $image.repository .service }}
{{- with $image.registry }}
{{- $repository = printf "%s/%s" . $repository }}
{{- end }}
{{- end }}
{{- printf "%s:%s" $repository (.values.image.tag | default $image.tag | default .root.Chart.AppVersion) }}
{{- end }}

{{/* Secret names: the user's existing Secret, else the one this chart renders. */}}

{{- define "wagate.postgres.secretName" -}}
{{- .Values.postgres.existingSecret | default (printf "%s-postgres" (include "wagate.fullname" .)) }}
{{- end }}

{{- define "wagate.kafka.secretName" -}}
{{- .Values.kafka.sasl.existingSecret | default (printf "%s-kafka" (include "wagate.fullname" .)) }}
{{- end }}

{{- define "wagate.redis.secretName" -}}
{{- .Values.redis.existingSecret | default (printf "%s-redis" (include "wagate.fullname" .)) }}
{{- end }}

{{- define "wagate.s3.secretName" -}}
{{- .Values.s3.existingSecret | default (printf "%s-s3" (include "wagate.fullname" .)) }}
{{- end }}

{{- define "wagate.mediaLinks.secretName" -}}
{{- .Values.media.existingSecret | default (printf "%s-media-links" (include "wagate.fullname" .)) }}
{{- end }}

{{- define "wagate.authState.secretName" -}}
{{- .Values.authState.existingSecret | default (printf "%s-auth-state" (include "wagate.fullname" .)) }}
{{- end }}

{{- define "wagate.adminKey.secretName" -}}
{{- .Values.apiService.bootstrapAdminKey.existingSecret | default (printf "%s-admin-key" (include "wagate.fullname" .)) }}
{{- end }}

{{- define "wagate.redis.auth" -}}
{{- if or .Values.redis.password .Values.redis.existingSecret }}true{{ end }}
{{- end }}

{{/* media-service reads S3 credentials from a Secret, else it uses the pod's own identity. */}}
{{- define "wagate.s3.credentials" -}}
{{- if or .Values.s3.accessKeyId .Values.s3.existingSecret }}true{{ end }}
{{- end }}

{{/* What signed media links start with: media.publicBaseUrl, else the first ingress host. */}}
{{- define "wagate.publicBaseUrl" -}}
{{- if .Values.media.publicBaseUrl }}
{{- .Values.media.publicBaseUrl | trimSuffix "/" }}
{{- else if and .Values.ingress.enabled .Values.ingress.hosts }}
{{- printf "%s://%s" (ternary "https" "http" (not (empty .Values.ingress.tls))) (first .Values.ingress.hosts) }}
{{- end }}
{{- end }}

{{/* The signed media links: webhook-service signs them, media-service checks them. */}}
{{- define "wagate.mediaLinks.env" -}}
- name: WAGATE_MEDIA_URL_SIGNING_KEY
  valueFrom:
    secretKeyRef:
      name: {{ include "wagate.mediaLinks.secretName" . }}
      key: {{ .Values.media.secretKey }}
{{- with include "wagate.publicBaseUrl" . }}
- name: WAGATE_PUBLIC_BASE_URL
  value: {{ . | quote }}
{{- end }}
{{- end }}

{{- define "wagate.adminKey.enabled" -}}
{{- if or .Values.apiService.bootstrapAdminKey.value .Values.apiService.bootstrapAdminKey.existingSecret }}true{{ end }}
{{- end }}

{{/* Connection strings */}}

{{- define "wagate.jdbcUrl" -}}
{{- $pg := .Values.postgres }}
{{- printf "jdbc:postgresql://%s:%v/%s" $pg.host $pg.port $pg.database }}
{{- with $pg.parameters }}?{{ . }}{{ end }}
{{- end }}

{{/* The password comes in through $(WAGATE_REDIS_PASSWORD), an env var set just before. */}}
{{- define "wagate.redisUri" -}}
{{- $redis := .Values.redis }}
{{- $scheme := ternary "rediss" "redis" $redis.tls }}
{{- $auth := ternary ":$(WAGATE_REDIS_PASSWORD)@" "" (eq (include "wagate.redis.auth" .) "true") }}
{{- printf "%s://%s%s:%v/%v" $scheme $auth $redis.host $redis.port $redis.database }}
{{- end }}

{{- define "wagate.saslLoginModule" -}}
{{- if eq . "PLAIN" }}org.apache.kafka.common.security.plain.PlainLoginModule
{{- else }}org.apache.kafka.common.security.scram.ScramLoginModule
{{- end }}
{{- end }}

{{/* Environment every service gets: its port, JVM flags, Kafka and PostgreSQL. Args: root, values. */}}
{{- define "wagate.commonEnv" -}}
{{- $root := .root }}
{{- $kafka := $root.Values.kafka }}
- name: MICRONAUT_SERVER_PORT
  value: {{ .values.port | quote }}
- name: JDK_JAVA_OPTIONS
  value: {{ $root.Values.javaOptions | quote }}
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ $kafka.bootstrapServers | quote }}
- name: WAGATE_KAFKA_TOPIC_PREFIX
  value: {{ $kafka.topicPrefix | quote }}
{{- if ne $kafka.securityProtocol "PLAINTEXT" }}
- name: KAFKA_SECURITY_PROTOCOL
  value: {{ $kafka.securityProtocol | quote }}
{{- end }}
{{- if $kafka.sasl.enabled }}
- name: KAFKA_SASL_MECHANISM
  value: {{ $kafka.sasl.mechanism | quote }}
- name: WAGATE_KAFKA_SASL_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ include "wagate.kafka.secretName" $root }}
      key: {{ $kafka.sasl.usernameKey }}
- name: WAGATE_KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "wagate.kafka.secretName" $root }}
      key: {{ $kafka.sasl.passwordKey }}
- name: KAFKA_SASL_JAAS_CONFIG
  value: {{ printf "%s required username=\"$(WAGATE_KAFKA_SASL_USERNAME)\" password=\"$(WAGATE_KAFKA_SASL_PASSWORD)\";" (include "wagate.saslLoginModule" $kafka.sasl.mechanism) | quote }}
{{- end }}
- name: DATASOURCES_DEFAULT_URL
  value: {{ include "wagate.jdbcUrl" $root | quote }}
- name: DATASOURCES_DEFAULT_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ include "wagate.postgres.secretName" $root }}
      key: {{ $root.Values.postgres.usernameKey }}
- name: DATASOURCES_DEFAULT_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "wagate.postgres.secretName" $root }}
      key: {{ $root.Values.postgres.passwordKey }}
{{- end }}

{{/* Where api-service (media of sends) and session-service (outbound and inbound media) reach media-service. */}}
{{- define "wagate.mediaServiceUrl.env" -}}
{{- if .Values.mediaService.enabled }}
- name: WAGATE_MEDIA_SERVICE_URL
  value: {{ printf "http://%s:%v" (include "wagate.componentName" (dict "root" . "service" "media-service")) .Values.mediaService.port | quote }}
{{- end }}
{{- end }}

{{/*
The pod template every service shares. Args: root, service, values, env (YAML list text),
preStopSleepSeconds (0: none).
*/}}
{{- define "wagate.podTemplate" -}}
{{- $root := .root }}
{{- $values := .values }}
metadata:
  labels:
    {{- include "wagate.componentLabels" (dict "root" $root "service" .service) | nindent 4 }}
  annotations:
    checksum/secrets: {{ include (print $root.Template.BasePath "/secrets.yaml") $root | sha256sum }}
    {{- with $values.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  serviceAccountName: {{ include "wagate.serviceAccountName" $root }}
  automountServiceAccountToken: false
  terminationGracePeriodSeconds: {{ $values.terminationGracePeriodSeconds }}
  {{- with $root.Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  securityContext:
    {{- toYaml $root.Values.podSecurityContext | nindent 4 }}
  containers:
    - name: {{ .service }}
      image: {{ include "wagate.image" (dict "root" $root "service" .service "values" $values) | quote }}
      imagePullPolicy: {{ $root.Values.image.pullPolicy }}
      ports:
        - name: http
          containerPort: {{ $values.port }}
          protocol: TCP
      env:
        {{- include "wagate.commonEnv" (dict "root" $root "values" $values) | trim | nindent 8 }}
        {{- with .env }}
        {{- . | trim | nindent 8 }}
        {{- end }}
        {{- with $root.Values.extraEnv }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
        {{- with $values.extraEnv }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      startupProbe:
        httpGet:
          path: /health/liveness
          port: http
        periodSeconds: {{ $root.Values.probes.startup.periodSeconds }}
        failureThreshold: {{ $root.Values.probes.startup.failureThreshold }}
      livenessProbe:
        httpGet:
          path: /health/liveness
          port: http
        periodSeconds: {{ $root.Values.probes.liveness.periodSeconds }}
        timeoutSeconds: {{ $root.Values.probes.liveness.timeoutSeconds }}
        failureThreshold: {{ $root.Values.probes.liveness.failureThreshold }}
      readinessProbe:
        httpGet:
          path: /health/readiness
          port: http
        periodSeconds: {{ $root.Values.probes.readiness.periodSeconds }}
        timeoutSeconds: {{ $root.Values.probes.readiness.timeoutSeconds }}
        failureThreshold: {{ $root.Values.probes.readiness.failureThreshold }}
      {{- if .preStopSleepSeconds }}
      lifecycle:
        preStop:
          exec:
            command: ["sleep", {{ .preStopSleepSeconds | quote }}]
      {{- end }}
      resources:
        {{- toYaml $values.resources | nindent 8 }}
      securityContext:
        {{- toYaml $root.Values.securityContext | nindent 8 }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
  volumes:
    - name: tmp
      emptyDir: {}
  {{- with $values.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $values.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $values.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $values.topologySpreadConstraints }}
  topologySpreadConstraints:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}

{{/* Checks the schema cannot express; rendered once, from session-service.yaml. */}}
{{- define "wagate.validate" -}}
{{- $v := .Values }}
{{- if gt (int $v.sessionService.replicas) (int $v.kafka.commandPartitions) }}
{{- fail (printf "sessionService.replicas (%v) exceeds kafka.commandPartitions (%v): a pod without a partition owns no session. Grow the topic first (docs/operations/deployment.md)." $v.sessionService.replicas $v.kafka.commandPartitions) }}
{{- end }}
{{- if and $v.kafka.sasl.enabled (not (hasPrefix "SASL_" $v.kafka.securityProtocol)) }}
{{- fail "kafka.sasl.enabled needs kafka.securityProtocol SASL_SSL or SASL_PLAINTEXT" }}
{{- end }}
{{- if and $v.kafka.sasl.enabled (not $v.kafka.sasl.existingSecret) (not (and $v.kafka.sasl.username $v.kafka.sasl.password)) }}
{{- fail "kafka.sasl.enabled needs kafka.sasl.username and kafka.sasl.password, or kafka.sasl.existingSecret" }}
{{- end }}
{{- if and (not $v.s3.existingSecret) (ne (empty $v.s3.accessKeyId) (empty $v.s3.secretAccessKey)) }}
{{- fail "s3.accessKeyId and s3.secretAccessKey go together: set both, or neither (the pod's own identity), or s3.existingSecret" }}
{{- end }}
{{- range $name := list "apiService" "webhookService" "mediaService" }}
{{- $autoscaling := (get $v $name).autoscaling }}
{{- if and $autoscaling.enabled (lt (int $autoscaling.maxReplicas) (int $autoscaling.minReplicas)) }}
{{- fail (printf "%s.autoscaling.maxReplicas is below minReplicas" $name) }}
{{- end }}
{{- end }}
{{- end }}
