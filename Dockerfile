# Builds one service from the repository root:
#   docker build --build-arg SERVICE=command-service --build-arg PORT=8081 .
#   docker build --build-arg SERVICE=query-service --build-arg PORT=8082 .
#   docker build --build-arg SERVICE=web-app --build-arg PORT=8080 .
FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -DskipTests -pl ${SERVICE} -am package && cp ${SERVICE}/target/${SERVICE}.jar /service.jar

FROM eclipse-temurin:17-jre
ARG PORT
WORKDIR /app
COPY --from=build /service.jar /app/service.jar
# Axon's update checker would call out to the internet.
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true
EXPOSE ${PORT}
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
