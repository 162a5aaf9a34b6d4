package app.stride.infra.aws;

import app.stride.infra.config.CacheConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.data_aws_availability_zones.DataAwsAvailabilityZones;
import com.hashicorp.cdktf.providers.aws.default_security_group.DefaultSecurityGroup;
import com.hashicorp.cdktf.providers.aws.eip.Eip;
import com.hashicorp.cdktf.providers.aws.internet_gateway.InternetGateway;
import com.hashicorp.cdktf.providers.aws.nat_gateway.NatGateway;
import com.hashicorp.cdktf.providers.aws.route.Route;
import com.hashicorp.cdktf.providers.aws.route_table.RouteTable;
import com.hashicorp.cdktf.providers.aws.route_table_association.RouteTableAssociation;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupEgress;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupIngress;
import com.hashicorp.cdktf.providers.aws.subnet.Subnet;
import com.hashicorp.cdktf.providers.aws.vpc.Vpc;
import com.hashicorp.cdktf.providers.aws.vpc_endpoint.VpcEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The region's network, which exists for its Redis ({@link RegionRedis}): ElastiCache lives only in
 * a VPC, so the HTTP functions that use it are attached to one. Two zones, each with a private
 * subnet (the functions' network interfaces and the cache nodes) and a public one holding that
 * zone's NAT gateway, through which the functions still reach everything outside the VPC (SQS, KMS,
 * Secrets Manager, SES, identity providers' keys, device providers' APIs); DynamoDB and S3 go
 * through gateway endpoints instead, off the NAT. Nothing in the network accepts a connection from
 * outside it: the functions' security group has no inbound rule, the cache's admits port {@value
 * #REDIS_PORT} from the functions' group only, and the VPC's default group is emptied of rules.
 */
public final class RegionNetwork extends Construct {

  /** Zones the network spans: ElastiCache's automatic failover needs a replica in a second zone. */
  public static final int ZONES = 2;

  /** The port the cache listens on. */
  public static final int REDIS_PORT = 6379;

  private final List<Subnet> privateSubnets = new ArrayList<>();
  private final SecurityGroup functions;
  private final SecurityGroup cache;

  /** Creates the network of {@code region} in {@code config}'s address range. */
  public RegionNetwork(Construct scope, String id, RegionConfig region, CacheConfig config) {
    super(scope, id);
    String name = "stride-" + region.id();
    DataAwsAvailabilityZones zones =
        DataAwsAvailabilityZones.Builder.create(this, "zones").state("available").build();
    Vpc vpc =
        Vpc.Builder.create(this, "vpc")
            .cidrBlock(config.vpcCidr())
            .enableDnsSupport(true)
            .enableDnsHostnames(true)
            .tags(Map.of("Name", name))
            .build();
    DefaultSecurityGroup.Builder.create(this, "default_group")
        .vpcId(vpc.getId())
        .tags(Map.of("Name", name + "-default-unused"))
        .build();
    InternetGateway gateway =
        InternetGateway.Builder.create(this, "internet")
            .vpcId(vpc.getId())
            .tags(Map.of("Name", name))
            .build();
    RouteTable publicRoutes =
        RouteTable.Builder.create(this, "public_routes")
            .vpcId(vpc.getId())
            .tags(Map.of("Name", name + "-public"))
            .build();
    Route.Builder.create(this, "public_default")
        .routeTableId(publicRoutes.getId())
        .destinationCidrBlock("0.0.0.0/0")
        .gatewayId(gateway.getId())
        .build();
    List<String> privateRouteTables = new ArrayList<>();
    for (int zone = 0; zone < ZONES; zone++) {
      String zoneName = Token.asString(Fn.element(zones.getNames(), zone));
      Subnet privateSubnet =
          Subnet.Builder.create(this, "private_" + zone)
              .vpcId(vpc.getId())
              .availabilityZone(zoneName)
              .cidrBlock(config.subnet20(zone))
              .tags(Map.of("Name", name + "-private-" + zone))
              .build();
      privateSubnets.add(privateSubnet);
      Subnet publicSubnet =
          Subnet.Builder.create(this, "public_" + zone)
              .vpcId(vpc.getId())
              .availabilityZone(zoneName)
              .cidrBlock(config.subnet20(ZONES + zone))
              .mapPublicIpOnLaunch(false)
              .tags(Map.of("Name", name + "-public-" + zone))
              .build();
      RouteTableAssociation.Builder.create(this, "public_" + zone + "_routes")
          .subnetId(publicSubnet.getId())
          .routeTableId(publicRoutes.getId())
          .build();
      Eip address =
          Eip.Builder.create(this, "nat_" + zone + "_address")
              .domain("vpc")
              .tags(Map.of("Name", name + "-nat-" + zone))
              .dependsOn(List.of(gateway))
              .build();
      NatGateway nat =
          NatGateway.Builder.create(this, "nat_" + zone)
              .subnetId(publicSubnet.getId())
              .allocationId(address.getId())
              .tags(Map.of("Name", name + "-" + zone))
              .build();
      RouteTable privateRoutes =
          RouteTable.Builder.create(this, "private_" + zone + "_routes")
              .vpcId(vpc.getId())
              .tags(Map.of("Name", name + "-private-" + zone))
              .build();
      // Each zone leaves through its own NAT: a zone's outage does not cut the other off.
      Route.Builder.create(this, "private_" + zone + "_default")
          .routeTableId(privateRoutes.getId())
          .destinationCidrBlock("0.0.0.0/0")
          .natGatewayId(nat.getId())
          .build();
      RouteTableAssociation.Builder.create(this, "private_" + zone + "_association")
          .subnetId(privateSubnet.getId())
          .routeTableId(privateRoutes.getId())
          .build();
      privateRouteTables.add(privateRoutes.getId());
    }
    for (String service : List.of("dynamodb", "s3")) {
      VpcEndpoint.Builder.create(this, service + "_endpoint")
          .vpcId(vpc.getId())
          .serviceName("com.amazonaws." + region.location() + "." + service)
          .vpcEndpointType("Gateway")
          .routeTableIds(privateRouteTables)
          .tags(Map.of("Name", name + "-" + service))
          .build();
    }
    functions =
        SecurityGroup.Builder.create(this, "functions")
            .name(name + "-functions")
            .description("Stride HTTP functions of " + region.id() + ": outbound only")
            .vpcId(vpc.getId())
            .egress(
                List.of(
                    SecurityGroupEgress.builder()
                        .description("anything outbound (AWS APIs, providers, the cache)")
                        .protocol("-1")
                        .fromPort(0)
                        .toPort(0)
                        .cidrBlocks(List.of("0.0.0.0/0"))
                        .build()))
            .build();
    cache =
        SecurityGroup.Builder.create(this, "cache")
            .name(name + "-cache")
            .description("Stride Redis of " + region.id() + ": from the HTTP functions only")
            .vpcId(vpc.getId())
            .ingress(
                List.of(
                    SecurityGroupIngress.builder()
                        .description("Redis over TLS from the HTTP functions")
                        .protocol("tcp")
                        .fromPort(REDIS_PORT)
                        .toPort(REDIS_PORT)
                        .securityGroups(List.of(functions.getId()))
                        .build()))
            .build();
  }

  /** The private subnets' ids, one per zone. */
  public List<String> privateSubnetIds() {
    return privateSubnets.stream().map(Subnet::getId).toList();
  }

  /** The security group of the functions attached to the network. */
  public String functionsGroupId() {
    return functions.getId();
  }

  /** The security group of the cache nodes. */
  public String cacheGroupId() {
    return cache.getId();
  }
}
