# syntax=docker/dockerfile:1

# --- build stage -------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build

# Wrapper and pom first: the dependency layer is rebuilt only when the pom changes.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
RUN chmod +x mvnw && ./mvnw -B dependency:go-offline

COPY processes/ processes/
COPY forms/ forms/
COPY src/ src/
# Tests run in CI, not in the image build: stop the lifecycle at process-classes (no test
# compilation or execution), then package and repackage into the executable jar.
RUN ./mvnw -B process-classes jar:jar spring-boot:repackage \
 && mv target/twinflow-*.jar /build/twinflow.jar

# --- runtime stage -----------------------------------------------------------------------
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 twinflow \
 && useradd --system --uid 10001 --gid twinflow --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin twinflow
WORKDIR /app
# The jar stays root-owned (read-only for the app); only ./data (default-profile H2 file) is writable.
RUN mkdir /app/data && chown twinflow:twinflow /app/data
COPY --from=build /build/twinflow.jar /app/twinflow.jar
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["java","-jar","/app/twinflow.jar"]
