/**
 * The global directory's AWS deployable: {@link app.stride.directory.aws.DirectoryAwsApplication}
 * serves {@link app.stride.core.directory.http.DirectoryApi} over {@link
 * app.stride.aws.directory.DynamoDirectory} from one Lambda behind a function URL in the global
 * stack. Regions reach it with {@link app.stride.core.directory.http.HttpDirectory}, whatever their
 * cloud.
 */
package app.stride.directory.aws;
