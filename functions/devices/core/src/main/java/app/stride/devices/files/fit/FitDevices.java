package app.stride.devices.files.fit;

import com.garmin.fit.DeviceInfoMesg;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.GarminProduct;
import com.garmin.fit.Manufacturer;
import java.util.List;
import java.util.Locale;

/**
 * The recording device's name from a FIT file: the creator device ({@code device_info} with device
 * index 0) or else {@code file_id}; the manufacturer's name and, where the SDK knows it (Garmin
 * products) or the file states it, the product name, e.g. {@code Garmin Fenix5}.
 */
final class FitDevices {
  private static final short CREATOR = 0;

  private FitDevices() {}

  static String name(FileIdMesg fileId, List<DeviceInfoMesg> devices) {
    for (DeviceInfoMesg d : devices) {
      if (d.getDeviceIndex() != null && d.getDeviceIndex() == CREATOR) {
        String name = name(d.getManufacturer(), d.getProduct(), d.getProductName());
        if (name != null) {
          return name;
        }
      }
    }
    if (fileId == null) {
      return null;
    }
    return name(fileId.getManufacturer(), fileId.getProduct(), fileId.getProductName());
  }

  private static String name(Integer manufacturer, Integer product, String productName) {
    String maker = manufacturer == null ? "" : Manufacturer.getStringFromValue(manufacturer);
    String model = productName;
    if ((model == null || model.isBlank())
        && product != null
        && manufacturer != null
        && (manufacturer == Manufacturer.GARMIN
            || manufacturer == Manufacturer.DYNASTREAM
            || manufacturer == Manufacturer.DYNASTREAM_OEM)) {
      model = GarminProduct.getStringFromValue(product);
    }
    String name = (pretty(maker) + " " + (model == null ? "" : pretty(model))).strip();
    return name.isEmpty() ? null : name;
  }

  private static String pretty(String constant) {
    if (constant == null || constant.isBlank()) {
      return "";
    }
    if (!constant.equals(constant.toUpperCase(Locale.ROOT))) {
      return constant.strip();
    }
    StringBuilder out = new StringBuilder();
    for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
      if (!word.isEmpty()) {
        out.append(out.length() == 0 ? "" : " ")
            .append(Character.toUpperCase(word.charAt(0)))
            .append(word.substring(1));
      }
    }
    return out.toString();
  }
}
